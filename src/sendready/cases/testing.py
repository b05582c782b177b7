"""Test helpers other tests use: a tracked case in an area with people assigned to it."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from sendready.areas.access import can
from sendready.areas.registry import find_snapshot
from sendready.cases import team_actions
from sendready.cases.actions import draw_practice_sample
from sendready.cases.constants import Agency
from sendready.cases.models import TrackedCase
from sendready.cases.workspace_actions import add_document


def sample_case(area, lano, members=()) -> TrackedCase:
    """A practice sample from the area's latest snapshot; its first case with `members` on the team."""
    snapshot = find_snapshot(area)
    assert snapshot is not None, "import a snapshot first"
    selection = draw_practice_sample(
        actor=lano, area=area, snapshot=snapshot, mix="seed", seed=1, named_on=dt.date(2025, 4, 1)
    )
    case = selection.cases.filter(status="tracked").order_by("position").first()
    assert case is not None
    for user in members:
        if can(user, "view_cases", area):
            team_actions.assign_member(
                actor=lano,
                case=case,
                user=user,
                role_title="Team member",
                agency=Agency.EDUCATION,
                is_auditor=True,
            )
    return case


def add_sample_document(case: TrackedCase, user) -> int:
    """A small text document on the case's first evidence item; its id."""
    task = case.evidence.order_by("position").first()
    assert task is not None
    upload = SimpleUploadedFile("notes.txt", b"Chronology notes\n", content_type="text/plain")
    return add_document(actor=user, task=task, upload=upload).pk


def case_kwargs(case: TrackedCase, user) -> dict:
    """URL parameters for every page about this case (a document is added for the download page)."""
    return {
        "selection_id": case.selection_id,
        "case_id": case.pk,
        "evidence_id": case.evidence.order_by("position").first().pk,  # type: ignore[union-attr]
        "document_id": add_sample_document(case, user),
    }
