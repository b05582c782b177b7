"""`sendready requests --area CODE [--inspection ID] [--format json|text] [--overdue]`."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from sendready.inspection_requests.models import InspectionRequest


def _run(*args: str) -> str:
    out = StringIO()
    call_command("requests", *args, stdout=out)
    return out.getvalue()


def test_requests_lists_the_contract_keys_in_json(board):
    released = board.released("Annex A")
    board.add("Pen portraits")
    rows = json.loads(_run("--area", board.inspection.area.code, "--format", "json"))
    assert [set(r) for r in rows] == [{"id", "title", "state", "owner", "due", "released_at"}] * 2
    by_title = {r["title"]: r for r in rows}
    assert by_title["Annex A"]["state"] == "released" and by_title["Annex A"]["id"] == released.pk
    assert by_title["Annex A"]["released_at"] and by_title["Pen portraits"]["released_at"] is None
    assert by_title["Pen portraits"]["owner"] == "a_practitioner"
    due = dt.datetime.fromisoformat(by_title["Pen portraits"]["due"])
    assert due.utcoffset() in (dt.timedelta(0), dt.timedelta(hours=1))  # London time, GMT or BST


def test_overdue_lists_only_those_past_due_and_still_owed(board):
    late = board.add("Late")
    InspectionRequest.objects.filter(pk=late.pk).update(
        requested_at=timezone.now() - dt.timedelta(days=2),
        due_at=timezone.now() - dt.timedelta(hours=1),
    )
    board.add("On time")
    rows = json.loads(_run("--area", board.inspection.area.code, "--overdue", "--format", "json"))
    assert [r["title"] for r in rows] == ["Late"]
    text = _run(
        "--area", board.inspection.area.code, "--inspection", str(board.inspection.pk), "--overdue"
    )
    assert "Late" in text and "1 request overdue" in text


def test_an_unknown_area_or_inspection_is_a_clear_error(board):
    with pytest.raises(CommandError, match="No local area"):
        _run("--area", "E00000000")
    with pytest.raises(CommandError, match="no inspection with the id 999"):
        _run("--area", board.inspection.area.code, "--inspection", "999")
