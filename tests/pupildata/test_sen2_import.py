"""Importing a SEN2 return from the console: a snapshot with its source and detail tables, audited;
a return with any error changes nothing; a layout file for the same date joins it."""

import datetime as dt

import polars as pl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.pupildata import actions
from sendready.pupildata.models import ImportRun, Snapshot
from sendready.pupildata.sen2_import import person_hash_secret
from sendready.pupildata.storage import read_rows

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def generate(tmp_path, persons=150, dirty=False, name="blade"):
    out = tmp_path / name
    args = ["generate_sen2", "--persons", str(persons), "--seed", "7", "--out", str(out)]
    call_command(*args, *(["--dirty"] if dirty else []), *(["--xml"] if name == "xml" else []))
    return out


def files_under(media):
    return sorted(p.name for p in media.rglob("*") if p.is_file())


def test_generate_sen2_writes_the_nine_blade_files_named_and_dated_as_collect_does(
    tmp_path, capsys
):
    out = generate(tmp_path, persons=20)
    names = sorted(p.name for p in out.iterdir())
    stamp = TODAY.strftime("%d-%m-%Y")
    assert len(names) == 9 and all(n.startswith(f"Blade-Export_{stamp}_") for n in names)
    assert f"Blade-Export_{stamp}_person.csv" in names
    first = (out / f"Blade-Export_{stamp}_requests.csv").read_text().splitlines()[1]
    assert any(m in first for m in ("-Jan-", "-Feb-", "-Mar-", "-Apr-", "-May-", "-Jun-", "-Jul-",
                                    "-Aug-", "-Sep-", "-Oct-", "-Nov-", "-Dec-"))  # fmt: skip
    assert "20 invented persons" in capsys.readouterr().out


def test_import_sen2_makes_a_snapshot_from_sen2_with_its_detail_tables(
    people, tmp_path, media, capsys
):
    out = generate(tmp_path)
    call_command(
        "import_sen2", str(out), "--area", people.area.code, "--snapshot-date", TODAY.isoformat()
    )
    assert "150 persons" in capsys.readouterr().out
    snapshot = Snapshot.objects.get(area=people.area)
    assert snapshot.source == "sen2" and snapshot.row_count == 150
    assert set(snapshot.sen2_tables) == {
        "persons", "requests", "assessments", "plans", "plan_settings", "active_plans", "placements", "needs"
    }  # fmt: skip
    requests = read_rows(snapshot.sen2_tables["requests"])
    assert requests.height > 150 and "received_date" in requests.columns
    rows = read_rows(snapshot.data_path)
    assert set(rows["person_id"]) == set(read_rows(snapshot.sen2_tables["persons"])["person_id"])
    assert snapshot.indicators["indicators"][0]["value"] == 150
    run = ImportRun.objects.get()
    assert run.kind == "sen2" and run.status == "done"
    assert AuditEvent.objects.filter(
        action=AuditAction.IMPORTED, area=people.area, object_id=str(run.pk)
    ).exists()
    assert out.is_dir() and len(list(out.iterdir())) == 9, (
        "the console never deletes the caller's files"
    )


def test_names_upns_and_postcodes_never_reach_storage(people, tmp_path, media):
    out = generate(tmp_path, persons=60)
    person = pl.read_csv(next(out.glob("*_person.csv")), infer_schema=False)
    secrets = {
        v
        for c in ("upn", "surname", "postcode", "uniquelearnernumber")
        for v in person[c].drop_nulls()
    }
    call_command("import_sen2", str(out), "--area", people.area.code)
    blobs = b"".join(p.read_bytes() for p in media.rglob("*.parquet"))
    for frame in (pl.read_parquet(p) for p in media.rglob("*.parquet")):
        for column, dtype in frame.schema.items():
            if dtype == pl.String:
                assert not secrets & set(frame[column].drop_nulls().to_list()), column
    assert b"A" in blobs  # sanity: the files were read


def test_a_return_with_errors_changes_nothing_and_lists_file_row_and_column(
    people, tmp_path, media
):
    out = generate(tmp_path, dirty=True)
    with pytest.raises(CommandError) as error:
        call_command("import_sen2", str(out), "--area", people.area.code)
    message = str(error.value)
    assert "was not imported" in message and "_requests.csv, row 4, column persontableid" in message
    assert not Snapshot.objects.exists() and files_under(media) == []
    run = ImportRun.objects.get()
    assert run.status == "failed" and run.error_count >= 10
    assert all({"file", "row", "column", "message"} <= set(p) for p in run.errors)


def test_a_failed_return_leaves_the_existing_snapshot_as_it_was(people, lano, tmp_path, media):
    good = generate(tmp_path, name="good")
    call_command("import_sen2", str(good), "--area", people.area.code)
    before = Snapshot.objects.get()
    stored = files_under(media)
    bad = generate(tmp_path, dirty=True, name="bad")
    with pytest.raises(CommandError):
        call_command("import_sen2", str(bad), "--area", people.area.code)
    assert list(Snapshot.objects.values_list("pk", flat=True)) == [before.pk]
    assert files_under(media) == stored


def test_the_xml_return_imports_too(people, tmp_path):
    out = generate(tmp_path, name="xml")
    call_command("import_sen2", str(out / "sen2.xml"), "--area", people.area.code)
    assert Snapshot.objects.get().row_count == 150


def test_import_sen2_refuses_an_unknown_area_and_a_missing_path(people, tmp_path):
    with pytest.raises(CommandError, match="No local area"):
        call_command("import_sen2", str(tmp_path), "--area", "E00000000")
    with pytest.raises(CommandError, match="Nothing at"):
        call_command("import_sen2", str(tmp_path / "nope"), "--area", people.area.code)


def test_a_layout_file_with_upns_joins_the_stored_return_for_the_same_date(people, lano, tmp_path):
    from sendready.domain.person_level.generator import generate as generate_layout

    out = generate(tmp_path)
    call_command(
        "import_sen2", str(out), "--area", people.area.code, "--snapshot-date", TODAY.isoformat()
    )
    sen2 = Snapshot.objects.get()
    person = pl.read_csv(next(out.glob("*_person.csv")), infer_schema=False)
    upns = [u for u in person["upn"].to_list() if u][:20]
    layout = generate_layout(22, 3, as_of=TODAY).with_columns(
        pl.Series("person_id", upns + ["LOCAL-1", "LOCAL-2"])
    )
    path = tmp_path / "ours.csv"
    layout.write_csv(path)
    run = actions.import_path(actor=lano, area=people.area, path=path, snapshot_date=TODAY)
    assert run.status == "done", run.errors[:3]
    both = Snapshot.objects.get()
    assert both.source == "both" and both.pk != sen2.pk
    assert both.sen2_tables == sen2.sen2_tables, (
        "the return's tables carry over to the joined snapshot"
    )
    assert both.row_count == 152  # every SEN2 person, and the two only in our layout
    rows = read_rows(both.data_path)
    assert not set(upns) & set(rows["person_id"]), "UPNs are hashed, never stored"
    assert person_hash_secret(people.area) != person_hash_secret(
        type(people.area)(code="E99999999")
    )


def test_a_return_imported_after_our_layout_file_joins_it(people, lano, tmp_path):
    from tests.pupildata.conftest import csv_bytes

    path = tmp_path / "ours.csv"
    path.write_bytes(csv_bytes(40, as_of=TODAY))
    actions.import_path(actor=lano, area=people.area, path=path, snapshot_date=TODAY)
    out = generate(tmp_path)
    call_command(
        "import_sen2", str(out), "--area", people.area.code, "--snapshot-date", TODAY.isoformat()
    )
    snapshot = Snapshot.objects.get()
    assert snapshot.source == "both" and snapshot.row_count == 190
    assert AuditEvent.objects.filter(action=AuditAction.DELETED, area=people.area).exists()


def test_removing_a_snapshot_removes_its_sen2_tables(
    people, lano, tmp_path, media, django_capture_on_commit_callbacks
):
    out = generate(tmp_path)
    call_command("import_sen2", str(out), "--area", people.area.code)
    snapshot = Snapshot.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        actions.remove_snapshot(actor=lano, snapshot=snapshot)
    assert files_under(media) == []


def test_clean_files_keeps_the_sen2_tables_a_snapshot_refers_to(people, tmp_path):
    from sendready.pupildata.cleanup import orphaned_files

    out = generate(tmp_path)
    call_command("import_sen2", str(out), "--area", people.area.code)
    assert orphaned_files(older_than_seconds=-60) == []


def test_a_new_return_for_a_joined_snapshot_drops_people_only_the_old_return_had(
    people, lano, tmp_path
):
    from tests.pupildata.conftest import csv_bytes

    path = tmp_path / "ours.csv"
    path.write_bytes(csv_bytes(40, as_of=TODAY))
    actions.import_path(actor=lano, area=people.area, path=path, snapshot_date=TODAY)
    call_command("import_sen2", str(generate(tmp_path, persons=150, name="first")),
                 "--area", people.area.code, "--snapshot-date", TODAY.isoformat())  # fmt: skip
    assert Snapshot.objects.get().row_count == 190
    call_command("import_sen2", str(generate(tmp_path, persons=90, name="second")),
                 "--area", people.area.code, "--snapshot-date", TODAY.isoformat())  # fmt: skip
    snapshot = Snapshot.objects.get()
    assert snapshot.source == "both" and snapshot.row_count == 130  # 90 from SEN2, our 40 kept
