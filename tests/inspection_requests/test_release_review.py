"""Release needs a second pair of eyes: nobody releases a request they own or helped prepare; the
release note is kept with the released version."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sendready.areas.constants import Role
from sendready.domain.requests.rules import SAME_HANDS
from sendready.inspection_requests import actions, file_actions
from sendready.inspection_requests.constants import RequestState
from tests.inspection_requests.conftest import PDF


def _leader(board):
    return board.people.by_role[Role.SENIOR_LEADER]


def _ready(board, owner, preparer=None):
    """A request owned by `owner`, answered by `preparer` (the owner by default), sent for review."""
    item = board.add("Pen portraits", owner=owner)
    actions.save_answer(actor=preparer or owner, item=item, answer="In the pack", link="")
    return actions.move_request(actor=preparer or owner, item=item, target="ready_for_review")


def test_a_lano_cannot_release_a_request_they_own_and_answered(board):
    item = _ready(board, owner=board.lano)
    with pytest.raises(PermissionDenied, match="someone else must release it"):
        actions.move_request(actor=board.lano, item=item, target="released")
    item.refresh_from_db()
    assert item.state == RequestState.READY_FOR_REVIEW and item.versions.get().released_at is None
    released = actions.move_request(actor=_leader(board), item=item, target="released")
    assert released.state == RequestState.RELEASED


def test_a_lano_who_wrote_the_answer_of_someone_elses_request_cannot_release_it(board):
    item = board.add("Annex A")
    actions.save_answer(actor=board.lano, item=item, answer="Strategy attached", link="")
    item = actions.move_request(actor=board.owner, item=item, target="ready_for_review")
    with pytest.raises(PermissionDenied):
        actions.move_request(actor=board.lano, item=item, target="released")


def test_whoever_added_a_file_or_sent_it_for_review_cannot_release_it(board):
    leader = _leader(board)
    item = board.add("Chronologies")
    file_actions.add_file(actor=leader, item=item, upload=SimpleUploadedFile("chronology.pdf", PDF))
    item = actions.move_request(actor=board.lano, item=item, target="ready_for_review")
    for preparer in (leader, board.lano):
        with pytest.raises(PermissionDenied):
            actions.move_request(actor=preparer, item=item, target="released")


def test_another_reviewer_releases_with_a_note_kept_with_the_version(board):
    item = _ready(board, owner=board.owner)
    item = actions.move_request(
        actor=board.lano, item=item, target="released", note="Checked against Annex A"
    )
    version = item.versions.get()
    assert version.release_note == "Checked against Annex A" and version.released_by == board.lano
    item = actions.move_request(actor=board.owner, item=item, target="in_progress")
    assert item.versions.get(number=1).release_note == "Checked against Annex A"
    assert item.versions.get(number=2).release_note == ""


def test_the_page_tells_the_preparer_someone_else_must_release_and_refuses_them(client, board):
    item = _ready(board, owner=board.lano)
    code = board.inspection.area.code
    client.force_login(board.lano)
    page = client.get(reverse("inspection_requests:detail", args=[code, item.pk])).content.decode()
    assert SAME_HANDS.replace("'", "&#39;") in page or "someone else must release it" in page
    assert "Release to inspectors" not in page
    refused = client.post(
        reverse("inspection_requests:move", args=[code, item.pk]), {"target": "released"}
    )
    assert refused.status_code == 403
    item.refresh_from_db()
    assert item.state == RequestState.READY_FOR_REVIEW


def test_a_different_reviewer_sees_the_release_note_box_and_releases_from_the_page(client, board):
    item = _ready(board, owner=board.lano)
    code = board.inspection.area.code
    client.force_login(_leader(board))
    page = client.get(reverse("inspection_requests:detail", args=[code, item.pk])).content.decode()
    assert "Release needs a LANO or senior leader who did not own or prepare the answer" in page
    assert "Release note (optional)" in page and "Release to inspectors" in page
    done = client.post(
        reverse("inspection_requests:move", args=[code, item.pk]),
        {"target": "released", "note": "Names removed from page 3"},
        follow=True,
    )
    assert "Release note: Names removed from page 3" in done.content.decode()
