"""The board's pages: add, paste, answer, upload, review and release through the web, with clear refusals."""

import datetime as dt
import json

from django.urls import reverse
from django.utils import timezone

from sendready.areas.constants import Role
from sendready.inspection_requests.constants import RequestState
from sendready.inspection_requests.models import EvidenceFile, InspectionRequest
from tests.inspection_requests.conftest import PDF


def _due_fields(day: dt.date, time: str = "12:00") -> dict:
    return {
        "due_date_day": day.day,
        "due_date_month": day.month,
        "due_date_year": day.year,
        "due_time": time,
    }


def test_a_lano_adds_a_request_with_a_london_due_time(client, board):
    client.force_login(board.lano)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    url = reverse("inspection_requests:new", args=[board.inspection.area.code, board.inspection.pk])
    response = client.post(
        url,
        {
            "title": "Context presentation",
            "owner": str(board.owner.pk),
            "organisation": "council",
            "strand": "partnership",
            **_due_fields(tomorrow),
        },
    )
    assert response.status_code == 302
    item = InspectionRequest.objects.get()
    assert timezone.localtime(item.due_at).time() == dt.time(12) and item.owner == board.owner


def test_a_due_time_before_the_request_is_shown_beside_the_due_date(client, board):
    client.force_login(board.lano)
    url = reverse("inspection_requests:new", args=[board.inspection.area.code, board.inspection.pk])
    today = timezone.localdate()
    response = client.post(
        url,
        {
            "title": "Plans",
            "asked_date_day": today.day,
            "asked_date_month": today.month,
            "asked_date_year": today.year,
            "asked_time": "15:00",
            **_due_fields(today, "09:00"),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Error: " in page
    assert (
        "The due time must be after the request was made" in page
        and 'href="#id_due_date_day"' in page
    )
    assert not InspectionRequest.objects.exists()


def test_an_owner_not_in_the_area_cannot_be_chosen(client, board):
    client.force_login(board.lano)
    url = reverse("inspection_requests:new", args=[board.inspection.area.code, board.inspection.pk])
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(
        url, {"title": "Plans", "owner": str(board.people.outsider.pk), **_due_fields(tomorrow)}
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not InspectionRequest.objects.exists()


def test_a_pasted_list_becomes_requests(client, board):
    client.force_login(board.lano)
    url = reverse(
        "inspection_requests:paste", args=[board.inspection.area.code, board.inspection.pk]
    )
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(
        url,
        {
            "lines": "1. Pen portraits\n2. Chronologies\n3. Case file audits",
            "owner": str(board.owner.pk),
            **_due_fields(tomorrow, "17:00"),
        },
    )
    assert response.status_code == 302
    assert list(InspectionRequest.objects.order_by("pk").values_list("title", flat=True)) == [
        "Pen portraits",
        "Chronologies",
        "Case file audits",
    ]


def test_the_owner_answers_uploads_and_sends_for_review_then_the_lano_releases(client, board):
    item = board.add("Annex A: joint commissioning strategy")
    code = board.inspection.area.code
    client.force_login(board.owner)
    client.post(
        reverse("inspection_requests:answer", args=[code, item.pk]),
        {"answer": "Our strategy, signed off in June", "link": ""},
    )
    with open_upload("strategy.pdf", PDF) as upload:
        assert (
            client.post(
                reverse("inspection_requests:file_add", args=[code, item.pk]), {"file": upload}
            ).status_code
            == 302
        )
    client.post(
        reverse("inspection_requests:move", args=[code, item.pk]), {"target": "ready_for_review"}
    )
    response = client.post(
        reverse("inspection_requests:move", args=[code, item.pk]), {"target": "released"}
    )
    assert response.status_code == 403  # an owner may not release their own answer
    client.force_login(board.lano)
    page = client.get(reverse("inspection_requests:detail", args=[code, item.pk])).content.decode()
    assert "Release to inspectors" in page and "strategy.pdf" in page
    client.post(reverse("inspection_requests:move", args=[code, item.pk]), {"target": "released"})
    item.refresh_from_db()
    assert item.state == RequestState.RELEASED


def test_release_without_review_gets_a_conflict_and_says_why(client, board):
    item = board.add()
    client.force_login(board.lano)
    response = client.post(
        reverse("inspection_requests:move", args=[board.inspection.area.code, item.pk]),
        {"target": "released"},
    )
    assert response.status_code == 409
    assert "only after it has been sent for review" in response.content.decode()


def test_a_file_of_the_wrong_type_is_refused_in_plain_words(client, board):
    item = board.add()
    client.force_login(board.owner)
    with open_upload("run.exe", b"MZ\x90\x00") as upload:
        response = client.post(
            reverse("inspection_requests:file_add", args=[board.inspection.area.code, item.pk]),
            {"file": upload},
        )
    assert response.status_code == 400
    assert "not a kind of file that can be shared with inspectors" in response.content.decode()
    assert not EvidenceFile.objects.exists()


def test_a_file_too_large_is_refused(client, board, settings):
    settings.REQUEST_FILE_MAX_BYTES = 100
    item = board.add()
    client.force_login(board.owner)
    with open_upload("big.pdf", PDF + b"x" * 200) as upload:
        response = client.post(
            reverse("inspection_requests:file_add", args=[board.inspection.area.code, item.pk]),
            {"file": upload},
        )
    assert (
        response.status_code == 400
        and "the largest file accepted is 0 MB" in response.content.decode()
    )
    assert not EvidenceFile.objects.exists()


def test_a_body_over_the_upload_limit_is_refused_before_it_is_read(client, board, settings):
    settings.REQUEST_FILE_MAX_BYTES = 1024
    item = board.add()
    client.force_login(board.owner)
    url = reverse("inspection_requests:file_add", args=[board.inspection.area.code, item.pk])
    response = client.generic(
        "POST",
        url,
        b"x",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
        content_type="multipart/form-data; boundary=x",
    )
    assert response.status_code == 413


def test_downloads_are_attachments_the_browser_never_runs(client, board):
    item = board.answered()
    evidence = EvidenceFile.objects.get(version__request=item)
    client.force_login(board.people.by_role[Role.HEALTH_LEAD])
    response = client.get(
        reverse(
            "inspection_requests:file_download",
            args=[board.inspection.area.code, item.pk, evidence.pk],
        )
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == PDF


def test_someone_else_cannot_work_on_an_owners_request(client, board):
    item = board.add()
    client.force_login(board.people.by_role[Role.HEALTH_LEAD])
    code = board.inspection.area.code
    assert (
        client.post(
            reverse("inspection_requests:answer", args=[code, item.pk]), {"answer": "x"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("inspection_requests:move", args=[code, item.pk]), {"target": "in_progress"}
        ).status_code
        == 403
    )


def test_the_board_json_carries_the_counts_and_the_live_part(client, board):
    board.answered("For review")
    client.force_login(board.lano)
    response = client.get(
        reverse(
            "inspection_requests:board_json", args=[board.inspection.area.code, board.inspection.pk]
        )
    )
    data = json.loads(response.content)
    assert data["counts"]["waiting_review"] == 1 and "For review" in data["html"]


def test_an_owners_page_lists_what_they_owe(client, board):
    board.add("Chronologies")
    code = board.inspection.area.code
    client.force_login(board.owner)
    page = client.get(
        reverse("inspection_requests:mine", args=[code]), follow=True
    ).content.decode()
    assert "What you owe" in page and "Chronologies" in page
    client.force_login(board.lano)
    assert (
        "Chronologies"
        in client.get(
            reverse("inspection_requests:owner", args=[code, board.owner.pk])
        ).content.decode()
    )


def test_the_area_overview_shows_the_counts(client, board):
    board.answered()
    client.force_login(board.lano)
    page = client.get(
        reverse("accounts:area_home", args=[board.inspection.area.code])
    ).content.decode()
    assert "Requests from inspectors" in page and "waiting for review" in page


def open_upload(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    class _Upload:
        def __enter__(self):
            return SimpleUploadedFile(name, data)

        def __exit__(self, *exc):
            return False

    return _Upload()
