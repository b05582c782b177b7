"""Importing inspections: idempotent, all-or-nothing, problems named by row and column."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sendready.domain.history.events import COLUMNS
from sendready.forecasting.actions import import_events
from sendready.forecasting.models import InspectionEvent

SHIPPED = (
    Path(__file__).resolve().parents[3] / "shared" / "data" / "area_send_events_to_2025-08-31.csv"
)
HEADER = ",".join(COLUMNS)


def _row(**kw: str) -> str:
    base = {
        "la_name": "Stoke-on-Trent",
        "name_in_source": "Stoke-on-Trent",
        "new_la_code": "E06000021",
        "old_la_code": "861",
        "ons_region": "West Midlands",
        "ofsted_region": "",
        "framework": "2023",
        "event_type": "full inspection",
        "start_date": "2025-10-06",
        "publication_date": "2025-11-20",
        "outcome": "typically positive experiences and outcomes",
        "n_weaknesses_or_priority_areas": "",
        "revisit_n_sufficient": "",
        "revisit_n_insufficient": "",
        "source": "test",
    }
    base.update(kw)
    return ",".join(f'"{base[c]}"' for c in COLUMNS)


def test_importing_the_shipped_file_again_adds_nothing(db, capsys) -> None:
    call_command("import_inspections", str(SHIPPED))
    assert capsys.readouterr().out.strip() == "0 added, 0 updated, 270 unchanged"
    assert InspectionEvent.objects.count() == 270


def test_a_new_row_is_added_then_a_changed_outcome_updates_it(db) -> None:
    first = import_events(content="\n".join([HEADER, _row()]))
    assert (first.added, first.updated, first.unchanged) == (1, 0, 0)
    again = import_events(
        content="\n".join([HEADER, _row(outcome="inconsistent experiences and outcomes")])
    )
    assert (again.added, again.updated, again.unchanged) == (0, 1, 0)
    assert (
        InspectionEvent.objects.get(event_key="E06000021|2023|full|2025-10-06").outcome
        == "INCONSISTENT"
    )


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_written(
    db, tmp_path, capsys
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "\n".join(
            [
                HEADER,
                _row(),  # a good row: still not written
                _row(new_la_code="E99999999"),
                _row(start_date="2025-12-01", publication_date="2025-11-20"),
                _row(start_date="2025-10-06"),
                _row(start_date="2025-10-13", outcome="WSOA"),
            ]
        ),
        "utf-8",
    )
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_inspections", str(path))
    problems = capsys.readouterr().err
    assert "Row 3, column 'new_la_code'" in problems
    assert (
        "Row 4, column 'publication_date'" in problems
        and "before the inspection started" in problems
    )
    assert "Row 5, column 'start_date'" in problems and "already in row 2" in problems
    assert "Row 6, column 'outcome'" in problems
    assert InspectionEvent.objects.count() == 270


def test_a_missing_file_is_a_clear_error(db) -> None:
    with pytest.raises(CommandError, match="no file"):
        call_command("import_inspections", "/nonexistent/file.csv")
