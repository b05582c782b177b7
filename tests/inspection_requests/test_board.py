"""The request board: states, review before release, versions kept, refusals that lose nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.inspection_requests import actions, file_actions
from sendready.inspection_requests.constants import RequestState
from sendready.inspection_requests.models import EvidenceFile, InspectionRequest, Version
from sendready.inspection_requests.overview import board_counts, summarise
from tests.inspection_requests.conftest import PDF


def test_the_model_states_are_the_domain_states():
    from sendready.domain.requests.rules import load_rules

    assert [s.value for s in RequestState] == list(load_rules().states)


def test_a_request_goes_from_requested_to_released_with_its_audit_trail(board):
    item = board.add("Person-level data")
    assert item.state == RequestState.REQUESTED
    actions.save_answer(actor=board.owner, item=item, answer="Uploaded to the portal", link="")
    item.refresh_from_db()
    assert item.state == RequestState.IN_PROGRESS
    item = actions.move_request(actor=board.owner, item=item, target="ready_for_review")
    item = actions.move_request(actor=board.lano, item=item, target="released", note="Checked")
    assert item.state == RequestState.RELEASED and item.released_at is not None
    version = item.versions.get()
    assert version.released_by == board.lano and version.release_note == "Checked"
    kinds = list(
        AuditEvent.objects.filter(
            object_type="inspection_request", object_id=str(item.pk)
        ).values_list("action", flat=True)
    )
    assert kinds.count(AuditAction.CHANGED) == 3 and AuditAction.CREATED in kinds
    assert [e.kind for e in item.events.all()] == ["created", "changed", "moved", "released"]


def test_release_without_review_is_refused_and_changes_nothing(board):
    item = board.add()
    actions.save_answer(actor=board.owner, item=item, answer="Here", link="")
    with pytest.raises(ValidationError, match="sent for review"):
        actions.move_request(actor=board.lano, item=item, target="released")
    item.refresh_from_db()
    assert item.state == RequestState.IN_PROGRESS and item.released_at is None


def test_an_owner_cannot_release_their_own_answer(board):
    item = board.answered()
    with pytest.raises(PermissionDenied, match="LANO or senior leader"):
        actions.move_request(actor=board.owner, item=item, target="released")
    assert InspectionRequest.objects.get(pk=item.pk).state == RequestState.READY_FOR_REVIEW


def test_nothing_empty_is_sent_for_review(board):
    item = board.add()
    with pytest.raises(ValidationError, match="nothing to review"):
        actions.move_request(actor=board.owner, item=item, target="ready_for_review")


def test_a_released_item_cannot_change_but_a_new_version_keeps_both(board):
    item = board.released()
    with pytest.raises(ValidationError, match="cannot change"):
        actions.save_answer(actor=board.owner, item=item, answer="Changed", link="")
    with pytest.raises(ValidationError, match="cannot change"):
        actions.update_request(actor=board.lano, item=item, values=board.values("New title"))
    with pytest.raises(ValidationError, match="cannot change"):
        file_actions.add_file(
            actor=board.owner, item=item, upload=SimpleUploadedFile("more.pdf", PDF)
        )
    item = actions.move_request(actor=board.owner, item=item, target="in_progress")
    first, second = item.versions.order_by("number")
    assert first.is_released and not second.is_released
    assert [f.name for f in second.files.all()] == ["audit.pdf"]
    # Removing the copied file from the draft keeps the released version's file and its stored bytes.
    file_actions.remove_file(actor=board.owner, item=item, evidence=second.files.get())
    assert first.files.count() == 1 and second.files.count() == 0
    with default_storage.open(first.files.get().stored_name, "rb") as handle:
        assert handle.read() == PDF
    file_actions.add_file(actor=board.owner, item=item, upload=SimpleUploadedFile("v2.pdf", PDF))
    actions.move_request(actor=board.owner, item=item, target="ready_for_review")
    item = actions.move_request(actor=board.lano, item=item, target="released")
    assert list(item.versions.values_list("number", flat=True).order_by("number")) == [1, 2]
    assert all(v.is_released for v in item.versions.all())


def test_a_released_version_row_is_never_edited_by_a_later_release(board):
    item = board.released()
    first = item.versions.get()
    stamp = first.released_at
    item = actions.move_request(actor=board.owner, item=item, target="in_progress")
    actions.save_answer(actor=board.owner, item=item, answer="Second answer", link="")
    actions.move_request(actor=board.owner, item=item, target="ready_for_review")
    actions.move_request(actor=board.lano, item=item, target="released")
    first.refresh_from_db()
    assert first.released_at == stamp and first.answer == ""


def test_a_due_time_before_the_request_is_refused(board):
    values = board.values()
    values.due_at = values.requested_at - dt.timedelta(minutes=1)
    with pytest.raises(ValidationError) as caught:
        actions.add_request(actor=board.lano, inspection=board.inspection, values=values)
    assert "due_date" in caught.value.error_dict
    assert not InspectionRequest.objects.exists()


def test_an_owner_from_another_area_or_without_casework_is_refused(board):
    with pytest.raises(ValidationError, match="member of this local area"):
        board.add(owner=board.people.outsider)
    with pytest.raises(ValidationError, match="member of this local area"):
        board.add(owner=board.people.by_role[Role.PCF_REP])
    assert not InspectionRequest.objects.exists()


def test_withdrawn_requests_can_be_reinstated_only_by_a_manager(board):
    item = board.add()
    with pytest.raises(PermissionDenied):
        actions.move_request(actor=board.owner, item=item, target="withdrawn")
    item = actions.move_request(actor=board.lano, item=item, target="withdrawn")
    with pytest.raises(ValidationError, match="withdrawn"):
        actions.save_answer(actor=board.lano, item=item, answer="x", link="")
    item = actions.move_request(actor=board.lano, item=item, target="requested")
    assert item.state == RequestState.REQUESTED


def test_a_pasted_list_adds_every_line_or_nothing(board):
    values = board.values("ignored")
    items = actions.add_pasted_requests(
        actor=board.lano,
        inspection=board.inspection,
        text="1. Pen portraits\n2. Chronologies\n\n- Plans",
        values=values,
    )
    assert [i.title for i in items] == ["Pen portraits", "Chronologies", "Plans"]
    assert all(i.owner == board.owner and i.versions.count() == 1 for i in items)
    with pytest.raises(ValidationError) as caught:
        actions.add_pasted_requests(
            actor=board.lano,
            inspection=board.inspection,
            text="Audits\n" + "y" * 300,
            values=values,
        )
    assert "Line 2" in caught.value.error_dict["lines"][0].message
    assert InspectionRequest.objects.count() == 3


def test_the_summary_counts_overdue_due_today_and_review_by_owner_and_organisation(board):
    now = timezone.now()
    late = board.add("Late", hours=1, organisation="icb")
    InspectionRequest.objects.filter(pk=late.pk).update(due_at=now - dt.timedelta(minutes=5))
    board.answered("For review", hours=48)
    board.add("Someone else's", owner=board.people.by_role[Role.HEALTH_LEAD], organisation="icb")
    items = list(InspectionRequest.objects.select_related("owner"))
    summary = summarise(items, now)
    assert summary["total"].overdue == 1 and summary["total"].waiting_review == 1
    by_org = {t.label: t for t in summary["organisations"]}
    assert (
        by_org["Integrated care board (ICB)"].open == 2
        and by_org["Not recorded"].waiting_review == 1
    )
    assert {t.label for t in summary["owners"]} == {"a_practitioner", "a_health_lead"}
    panel = board_counts(board.inspection.area, board.lano)
    assert panel["count"] == 3 and panel["total"].overdue == 1


def test_the_overview_panel_shows_only_while_an_inspection_is_live(board):
    board.add()
    assert board_counts(board.inspection.area, board.lano) is not None
    assert board_counts(board.inspection.area, board.people.by_role[Role.PCF_REP]) is None
    type(board.inspection).objects.filter(pk=board.inspection.pk).update(status="concluded")
    assert board_counts(board.inspection.area, board.lano) is None


def test_a_failed_file_attach_leaves_no_file_behind(board, monkeypatch):
    from django.core.files.storage import default_storage

    item = board.add()
    monkeypatch.setattr(
        EvidenceFile.objects, "create", lambda **kw: (_ for _ in ()).throw(RuntimeError("disk"))
    )
    with pytest.raises(RuntimeError):
        file_actions.add_file(actor=board.owner, item=item, upload=SimpleUploadedFile("a.pdf", PDF))
    _, names = default_storage.listdir(f"request-files/{item.area.code}")
    assert names == [] and Version.objects.get(request=item).files.count() == 0
