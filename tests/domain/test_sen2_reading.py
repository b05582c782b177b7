"""Reading a COLLECT Blade export: the zip or the nine files, file names, headings and dates."""

from datetime import date

import polars as pl
from tests.domain.sen2_helpers import EXPORT_DAY, SECRET, TODAY, as_files, as_zip, tables

from sendready.domain.sen2.importing import import_return
from sendready.domain.sen2.parse import parse_date
from sendready.domain.sen2.reading import module_for, read_blade
from sendready.domain.sen2.spec import load_spec
from sendready.domain.sen2.xml_return import write_xml


def test_the_nine_modules_are_defined_with_their_sources():
    spec = load_spec()
    assert spec.keys == [
        "sen2", "person", "requests", "assessment", "named_plan",
        "plan_detail", "active_plans", "placement_detail", "sen_need",
    ]  # fmt: skip
    assert any("witan.sen2" in s["url"] for s in spec.sources)
    assert any("gov.uk" in s["url"] for s in spec.sources)
    assert spec["assessment"].by_heading()["week20"].name == "week20_exception"
    assert spec["sen_need"].by_heading()["sentyperank"].type == "integer"


def test_file_names_give_the_module_and_the_export_date():
    module, day = module_for("Blade-Export_28-09-2022_person.csv")
    assert module is not None and module.key == "person" and day == date(2022, 9, 28)
    module, _ = module_for("exports/Blade-Export_28-09-2022_placementdetail.CSV")
    assert module is not None and module.key == "placement_detail"
    assert module_for("notes.csv")[0] is None


def test_collect_dates_are_read_and_iso_dates_too():
    raw = pl.DataFrame(
        {"d": ["2022-Sep-28 00:00:00", "2023-Jan-02", "2024-02-29", "28/09/2022", None]}
    )
    got = raw.select(parse_date(pl.col("d"))).to_series().to_list()
    assert got == [date(2022, 9, 28), date(2023, 1, 2), date(2024, 2, 29), None, None]


def test_the_nine_files_read_as_files_and_as_a_zip_give_the_same_tables():
    blade = tables()
    from_files = import_return(as_files(blade), secret=SECRET, today=TODAY)
    from_zip = import_return([("Blade export.zip", as_zip(blade))], secret=SECRET, today=TODAY)
    assert from_files.ok and from_zip.ok, from_files.errors[:3]
    assert from_files.export_date == EXPORT_DAY == from_zip.export_date
    assert from_files.tables is not None and from_zip.tables is not None
    for name, frame in from_files.tables.frames.items():
        assert frame.equals(from_zip.tables.frames[name]), name
    assert from_files.tables.persons.height == 60


def test_headings_match_whatever_their_case_and_unknown_columns_only_warn():
    blade = tables()
    blade["person"] = (
        blade["person"]
        .rename({"NativeId": "nativeid", "upn": "UPN"})
        .with_columns(pl.lit("x").alias("local notes"))
    )
    result = import_return(as_files(blade), secret=SECRET, today=TODAY)
    assert result.ok
    assert [(w.column, w.file) for w in result.warnings] == [
        ("local notes", "Blade-Export_27-02-2026_person.csv")
    ]


def test_a_missing_module_file_is_named():
    files = [f for f in as_files(tables()) if not f[0].endswith("_senneed.csv")]
    result = import_return(files, secret=SECRET, today=TODAY)
    assert not result.ok and result.tables is None
    assert any("SEN need" in e.message and "_senneed.csv" in e.message for e in result.errors)


def test_a_missing_key_column_is_an_error_on_that_file_and_column():
    blade = tables()
    blade["requests"] = blade["requests"].drop("persontableid")
    result = import_return(as_files(blade), secret=SECRET, today=TODAY)
    assert [(e.file, e.row, e.column) for e in result.errors] == [
        ("Blade-Export_27-02-2026_requests.csv", None, "persontableid")
    ]


def test_a_damaged_zip_is_refused_in_plain_words():
    result = import_return([("return.zip", b"PK\x03\x04 not really")], secret=SECRET, today=TODAY)
    assert not result.ok and "could not be opened" in result.errors[0].message


def test_the_xml_return_reads_into_the_same_tables_as_the_blade_export():
    blade = tables(40, seed=9)
    from_xml = import_return([("sen2.xml", write_xml(blade))], secret=SECRET, today=TODAY)
    from_csv = import_return(as_files(blade), secret=SECRET, today=TODAY)
    assert from_xml.ok and from_csv.ok, from_xml.errors[:3]
    assert from_xml.tables is not None and from_csv.tables is not None
    for name in ("persons", "requests", "assessments", "plans", "placements", "needs"):
        a, b = from_xml.tables.frames[name], from_csv.tables.frames[name]
        assert a.height == b.height, name
    # People with a UPN or ULN hash the same whichever form the return came in.
    assert set(from_xml.tables.persons["person_id"]) & set(from_csv.tables.persons["person_id"])
    needs = lambda r: sorted(r.tables.frames["needs"]["sen_type"].to_list())  # noqa: E731
    assert needs(from_xml) == needs(from_csv)


def test_xml_with_a_dtd_is_refused_before_parsing():
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Message>&a;</Message>'
    result = import_return([("sen2.xml", evil)], secret=SECRET, today=TODAY)
    assert not result.ok and "DTD" in result.errors[0].message


def test_xml_that_is_not_well_formed_gives_its_line():
    result = import_return(
        [("sen2.xml", b"<Message>\n<Header>\n</Message>")], secret=SECRET, today=TODAY
    )
    assert not result.ok and result.errors[0].row == 3


def test_read_blade_keeps_the_row_a_spreadsheet_shows():
    export = read_blade(as_files(tables(5)))
    rows = export.tables["person"].frame.get_column("_source_row").to_list()
    assert rows == [2, 3, 4, 5, 6]
