"""The evidence room: inspectors see only what was released, only inside their window; every view and
download is recorded; the area can read back what it shared, with whom and when."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from sendready.audit.models import AuditEvent
from sendready.inspection_requests import actions, room_actions
from sendready.inspection_requests.models import EvidenceFile, RoomVisit
from sendready.inspection_requests.windows import window_of
from tests.inspection_requests.conftest import PDF, expire, web_request


def test_an_inspector_sees_only_released_items(client, board):
    released = board.released("Annex A: SEND strategy")
    board.answered("Still under review")
    access = board.inspector()
    client.force_login(access.user)
    page = client.get(reverse("inspection_requests:room", args=[access.pk])).content.decode()
    assert "Annex A: SEND strategy" in page and "Still under review" not in page
    item_url = reverse("inspection_requests:room_item", args=[access.pk, released.pk])
    assert "audit.pdf" in client.get(item_url).content.decode()


def test_a_file_not_yet_released_cannot_be_downloaded_by_an_inspector(client, board):
    item = board.answered()
    access = board.inspector()
    evidence = EvidenceFile.objects.get(version__request=item)
    client.force_login(access.user)
    assert (
        client.get(
            reverse("inspection_requests:room_file", args=[access.pk, evidence.pk])
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("inspection_requests:room_item", args=[access.pk, item.pk])).status_code
        == 404
    )


def test_every_inspector_view_and_download_is_audited_and_recorded(client, board):
    item = board.released()
    access = board.inspector()
    evidence = EvidenceFile.objects.get(version__request=item)
    client.force_login(access.user)
    client.get(reverse("inspection_requests:room_item", args=[access.pk, item.pk]))
    response = client.get(reverse("inspection_requests:room_file", args=[access.pk, evidence.pk]))
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert RoomVisit.objects.filter(access=access).count() == 2
    actions_logged = set(
        AuditEvent.objects.filter(user=access.user, area=board.inspection.area).values_list(
            "object_type", "action"
        )
    )
    assert ("evidence_room_item", "viewed") in actions_logged
    assert ("evidence_room_file", "exported") in actions_logged


def test_an_inspector_outside_the_window_is_refused_and_the_refusal_audited(client, board):
    board.released()
    access = expire(board.inspector())
    client.force_login(access.user)
    response = client.get(reverse("inspection_requests:room", args=[access.pk]))
    assert response.status_code == 403
    assert AuditEvent.objects.filter(
        user=access.user, action="denied", object_type="evidence_room"
    ).exists()


def test_access_ended_by_the_lano_is_refused_at_once(client, board):
    access = board.inspector()
    room_actions.end_access(actor=board.lano, access=access)
    client.force_login(access.user)
    assert client.get(reverse("inspection_requests:room", args=[access.pk])).status_code == 403


def test_an_inspector_sees_nothing_else_of_the_area(client, board):
    access = board.inspector()
    client.force_login(access.user)
    code = board.inspection.area.code
    for name, args in [
        ("accounts:area_home", [code]),
        ("inspection_requests:board", [code, board.inspection.pk]),
        ("inspections:detail", [code, board.inspection.pk]),
        ("pupildata:dashboard", [code]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404, name


def test_an_inspector_of_another_inspection_cannot_open_this_room(client, board):
    from sendready.areas.constants import Role
    from sendready.inspections import actions as inspection_actions

    other = inspection_actions.record_inspection(
        actor=board.people.outsider,
        area=board.area_b,
        framework="2023-full",
        notified_on=board.inspection.notified_on,
    )
    theirs = room_actions.open_access(
        actor=board.people.outsider,
        inspection=other,
        name="B inspector",
        username="hmi_b",
        email="hmi_b@inspectors.example.org",
        request=web_request(),
    )
    ours = board.inspector()
    item = board.released()
    client.force_login(theirs.user)
    assert client.get(reverse("inspection_requests:room", args=[ours.pk])).status_code == 404
    assert (
        client.get(reverse("inspection_requests:room_item", args=[theirs.pk, item.pk])).status_code
        == 404
    )
    assert Role  # members of area B are no inspectors of area A either


def test_signing_in_takes_an_inspector_to_their_room(client, board):
    access = board.inspector()
    client.force_login(access.user)
    response = client.get("/")
    assert response.status_code == 302 and response.url == reverse(
        "inspection_requests:room", args=[access.pk]
    )


def test_the_window_runs_to_the_framework_setting_after_the_on_site_week(board):
    access = board.inspector()
    onsite = board.inspection.milestones.get(key="onsite")
    from sendready.domain.dates.workdays import add_working_days

    window = window_of(access)
    assert window.first_day == board.inspection.notified_on
    assert window.last_day == add_working_days(onsite.end_date, 10)
    board.inspection.framework_settings = {"evidence_room_wd": 3}
    board.inspection.save()
    shorter = board.inspector("hmi_two")
    assert window_of(shorter).last_day == add_working_days(onsite.end_date, 3)


def test_a_window_beyond_the_setting_or_a_taken_username_is_refused(board):
    with pytest.raises(ValidationError, match="between"):
        board.inspector(last_day=timezone.localdate() + dt.timedelta(days=400))
    board.inspector("hmi_x")
    with pytest.raises(ValidationError, match="taken"):
        board.inspector("HMI_X")


def test_the_record_of_what_was_shared_reads_back_from_excel(client, board):
    item = board.released("Annex A: SEND strategy")
    access = board.inspector()
    client.force_login(access.user)
    client.get(reverse("inspection_requests:room_item", args=[access.pk, item.pk]))
    evidence = EvidenceFile.objects.get(version__request=item)
    client.get(reverse("inspection_requests:room_file", args=[access.pk, evidence.pk]))
    item = actions.move_request(actor=board.owner, item=item, target="in_progress")
    actions.save_answer(
        actor=board.owner,
        item=item,
        answer="Updated figures",
        link="https://example.org/local-offer",
    )
    actions.move_request(actor=board.owner, item=item, target="ready_for_review")
    actions.move_request(actor=board.lano, item=item, target="released")

    client.force_login(board.lano)
    code = board.inspection.area.code
    page = client.get(
        reverse("inspection_requests:shared", args=[code, board.inspection.pk])
    ).content.decode()
    assert "Jane Lead" in page and "Annex A: SEND strategy" in page
    response = client.get(
        reverse("inspection_requests:shared_xlsx", args=[code, board.inspection.pk])
    )
    assert response["Content-Disposition"].endswith('shared-with-inspectors.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    shared = list(book["Shared with inspectors"].iter_rows(values_only=True))
    assert shared[0][:3] == ("Request", "Version", "Released at (London)")
    assert [(r[0], r[1], r[4], r[6], r[7], r[8]) for r in shared[1:]] == [
        ("Annex A: SEND strategy", 1, "audit.pdf", "Jane Lead", "Jane Lead", 1),
        ("Annex A: SEND strategy", 2, "audit.pdf", "Jane Lead", None, 0),
    ]
    assert shared[2][5] == "https://example.org/local-offer"
    assert isinstance(shared[1][2], dt.datetime)
    visits = list(book["Inspector visits"].iter_rows(values_only=True))
    assert [(v[1], v[5], v[6]) for v in visits[1:]] == [
        ("Jane Lead", "Viewed", None),
        ("Jane Lead", "Downloaded", "audit.pdf"),
    ]
    assert AuditEvent.objects.filter(
        user=board.lano, object_type="shared_record", action="exported"
    ).exists()
