"""Tracked cases' meetings with inspectors, offered to the on-site timetable through the platform hook:
the case's id and a link only for the LANO and the case's team; others see that a case team meets."""

from django.urls import reverse

from sendready.areas.access import can
from sendready.areas.models import LocalArea
from sendready.areas.registry import ActiveInspection, ExtraSession
from sendready.cases.access import is_lano
from sendready.cases.constants import CaseStatus
from sendready.cases.models import TrackedCase


def case_meetings(area: LocalArea, user, inspection: ActiveInspection) -> list[ExtraSession]:
    """Each tracked case named for this inspection with a meeting arranged."""
    cases = (
        TrackedCase.objects.for_area(area)
        .filter(
            selection__inspection_id=inspection.pk,
            status=CaseStatus.TRACKED,
            meeting_on__isnull=False,
            meeting_start__isnull=False,
        )
        .prefetch_related("members")
    )
    lano = is_lano(user, area)
    may_open = can(user, "view_cases", area)
    out = []
    for case in cases:
        members = list(case.members.all())
        mine = may_open and (lano or any(m.user_id == user.pk for m in members))
        title = (
            f"Team around case {case.person_id} meets inspectors"
            if mine
            else "The team around a tracked case meets inspectors"
        )
        out.append(
            ExtraSession(
                date=case.meeting_on,  # type: ignore[arg-type]  # filtered to non-null above
                start=case.meeting_start,  # type: ignore[arg-type]
                end=case.meeting_end,
                title=title,
                who=f"Inspectors and the team around the case ({len(members)} people)",
                where=case.meeting_where,
                href=reverse("cases:case", args=[area.code, case.pk]) if mine else "",
            )
        )
    return out
