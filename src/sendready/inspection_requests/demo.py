"""Demo content: requests inspectors made of the demo area's live inspection, in every state, and the
demo inspector's evidence room. Loaded once; a second load-demo leaves them as they are."""

import contextlib
import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sendready.areas.registry import tracked_case_choices
from sendready.domain.dates.workdays import add_working_days
from sendready.domain.requests.due import at_london
from sendready.inspection_requests import actions, file_actions, room_actions
from sendready.inspection_requests.access import active_inspection
from sendready.inspection_requests.actions import RequestValues
from sendready.inspection_requests.constants import Organisation, Strand
from sendready.inspection_requests.models import InspectionRequest, InspectorAccess

SUMMARY = (
    b"Demoshire SEND strategy 2025 to 2028: summary (fictional)\n\n"
    b"1. Identify needs early, in the early years and at school.\n"
    b"2. Issue EHC plans on time, with health and care advice in time.\n"
    b"3. Prepare young people for adulthood from Year 9.\n"
)


def load(area, people) -> None:
    """Add the demo requests and the inspector's access to the area's live inspection, once each."""
    inspection = active_inspection(area)
    if inspection is None:
        return
    inspector = people.get("inspector")
    if inspector is not None and not InspectorAccess.objects.filter(user=inspector).exists():
        # An account someone has since made an area member is left as it is.
        with contextlib.suppress(ValidationError):
            room_actions.grant_demo_access(
                actor=people["lano"],
                inspection=inspection,
                user=inspector,
                name="Alex Example",
                role="Lead HMI (fictional)",
            )
    if InspectionRequest.objects.filter(inspection=inspection).exists():
        return
    _requests(inspection, people)


def _at(inspection, working_days: int, hour: int) -> dt.datetime:
    return at_london(add_working_days(inspection.notified_on, working_days), dt.time(hour))


def _values(inspection, title, asked, due, owner, **extra) -> RequestValues:
    return RequestValues(
        title=title,
        requested_at=_at(inspection, *asked),
        due_at=_at(inspection, *due),
        asked_by="Lead HMI",
        owner=owner,
        **extra,
    )


def _requests(inspection, people) -> None:
    lano, leader = people["lano"], people["leader"]
    practitioner, health, systemlead = (
        people["practitioner"],
        people["health"],
        people["systemlead"],
    )
    cases = tracked_case_choices(inspection.area, lano, inspection.pk)

    def add(title, asked, due, owner, **extra):
        values = _values(inspection, title, asked, due, owner, **extra)
        return actions.add_request(actor=lano, inspection=inspection, values=values)

    # Released: written by the system lead, checked and released by the LANO.
    strategy = add(
        "Annex A: SEND strategy and self-evaluation summary",
        (0, 10),
        (4, 17),
        systemlead,
        criterion="ambitious",
        organisation=Organisation.COUNCIL,
        strand=Strand.PARTNERSHIP,
    )
    actions.save_answer(
        actor=systemlead,
        item=strategy,
        answer="The strategy summary; the full strategy is on the Local Offer.",
        link="https://localoffer.example.org/demoshire/send-strategy",
    )
    file_actions.add_file(
        actor=systemlead,
        item=strategy,
        upload=SimpleUploadedFile("send-strategy-summary.txt", SUMMARY),
    )
    actions.move_request(actor=systemlead, item=strategy, target="ready_for_review")
    actions.move_request(
        actor=lano, item=strategy, target="released", note="Checked: no personal data."
    )
    # Ready for review: the health lead's answer, waiting for a LANO or senior leader.
    agreements = add(
        "Commissioning agreements for the tracked cases",
        (3, 9),
        (8, 12),
        health,
        criterion="commission",
        tracked_case=cases[0].key if cases else "",
        organisation=Organisation.ICB,
        strand=Strand.HEALTH,
    )
    actions.save_answer(
        actor=health,
        item=agreements,
        answer="Two agreements; the third is being signed.",
        link="https://docs.example.org/demoshire/agreements",
    )
    actions.move_request(actor=health, item=agreements, target="ready_for_review")
    # In progress: the practitioner's pen portraits.
    portraits = add(
        "Pen portraits and chronologies for the six tracked cases",
        (3, 9),
        (8, 17),
        practitioner,
        criterion="identified",
        tracked_case=cases[1].key if len(cases) > 1 else "",
        organisation=Organisation.COUNCIL,
        strand=Strand.EDUCATION,
    )
    actions.move_request(actor=practitioner, item=portraits, target="in_progress")
    # Requested, and already overdue: person-level data on the Tuesday at lunchtime.
    add(
        "Person-level data (Annex A list)",
        (0, 10),
        (1, 12),
        practitioner,
        organisation=Organisation.COUNCIL,
        strand=Strand.EDUCATION,
    )
    # Requested, nobody assigned yet.
    add("Context presentation for the first on-site day", (4, 9), (9, 9), None)
    # Withdrawn: the inspectors said they no longer need it.
    duplicate = add("Local Offer link (asked twice)", (1, 9), (2, 12), leader)
    actions.move_request(actor=lano, item=duplicate, target="withdrawn", note="Asked twice")
