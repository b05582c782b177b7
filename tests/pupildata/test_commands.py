"""The console: import-pupils, indicators, generate-pupils, and the demo loader."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sendready.pupildata.models import Snapshot
from tests.pupildata.conftest import csv_bytes

pytestmark = pytest.mark.django_db


def test_import_pupils_prints_a_summary(people, tmp_path, capsys):
    path = tmp_path / "pupils.csv"
    path.write_bytes(csv_bytes(120))
    call_command(
        "import_pupils", str(path), "--area", people.area.code, "--snapshot-date", "2025-03-31"
    )
    out = capsys.readouterr().out
    assert "Imported 120 rows" in out and "EHC plans" in out
    assert Snapshot.objects.get().snapshot_date.isoformat() == "2025-03-31"


def test_import_pupils_lists_problems_and_fails_for_a_bad_file(people, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(120, dirty=True))
    with pytest.raises(CommandError) as error:
        call_command(
            "import_pupils", str(path), "--area", people.area.code, "--snapshot-date", "2025-03-31"
        )
    assert "was not imported" in str(error.value) and "row " in str(error.value)
    assert path.exists(), "the console never deletes the caller's file"
    assert not Snapshot.objects.exists()


def test_import_pupils_refuses_an_unknown_area_a_missing_file_and_a_bad_date(people, tmp_path):
    path = tmp_path / "pupils.csv"
    path.write_bytes(csv_bytes(5))
    with pytest.raises(CommandError, match="No local area"):
        call_command("import_pupils", str(path), "--area", "E00000000")
    with pytest.raises(CommandError, match="No file"):
        call_command("import_pupils", str(tmp_path / "nope.csv"), "--area", people.area.code)
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command(
            "import_pupils", str(path), "--area", people.area.code, "--snapshot-date", "31/03/2025"
        )


def test_indicators_prints_json_for_the_latest_or_a_named_snapshot(people, snapshot, capsys):
    call_command("indicators", "--area", people.area.code, "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data["rows"] == 300
    for key in ("ehc_plans", "sen_support", "ehc_within_20_weeks_pct"):
        assert data[key] is None or isinstance(data[key], (int, float))
    call_command("indicators", "--area", people.area.code, "--snapshot", "2025-03-31")
    assert json.loads(capsys.readouterr().out)["snapshot"] == "2025-03-31"


def test_indicators_explains_an_unknown_area_or_snapshot(people, snapshot):
    with pytest.raises(CommandError, match="No local area"):
        call_command("indicators", "--area", "E00000000")
    with pytest.raises(CommandError, match="Snapshots: 2025-03-31"):
        call_command("indicators", "--area", people.area.code, "--snapshot", "2020-01-01")


def test_generate_pupils_writes_csv_and_xlsx(tmp_path):
    import polars as pl

    call_command("generate_pupils", "--rows", "50", "--seed", "2", "--out", str(tmp_path / "p.csv"))
    assert pl.read_csv(tmp_path / "p.csv").height == 50
    call_command(
        "generate_pupils",
        "--rows",
        "20",
        "--seed",
        "2",
        "--out",
        str(tmp_path / "p.xlsx"),
        "--dirty",
    )
    assert (tmp_path / "p.xlsx").stat().st_size > 0
    with pytest.raises(CommandError):
        call_command("generate_pupils", "--rows", "5", "--out", str(tmp_path / "p.json"))


def test_the_demo_loads_three_snapshots_once(people):
    from sendready.pupildata import demo

    demo.load(people.area, {})
    demo.load(people.area, {})
    assert Snapshot.objects.for_area(people.area).count() == 3


def test_a_file_generated_today_imports_today_with_the_default_snapshot_date(
    people, tmp_path, capsys
):
    import datetime as dt

    path = tmp_path / "today.csv"
    call_command("generate_pupils", "--rows", "200", "--seed", "3", "--out", str(path))
    assert dt.date.today().isoformat() in capsys.readouterr().out
    call_command("import_pupils", str(path), "--area", people.area.code)
    snapshot = Snapshot.objects.for_area(people.area).get()
    assert snapshot.row_count == 200


def test_dirty_future_dates_are_after_the_as_of_date(tmp_path):
    import polars as pl

    path = tmp_path / "dirty.csv"
    call_command(
        "generate_pupils",
        "--rows",
        "40",
        "--seed",
        "2",
        "--out",
        str(path),
        "--dirty",
        "--as-of",
        "2026-12-02",
    )
    plans = [d for d in pl.read_csv(path, infer_schema_length=0)["final_plan_date"].to_list() if d]
    assert max(plans) == "2027-01-16"
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("generate_pupils", "--rows", "5", "--out", str(path), "--as-of", "2/12/2026")
