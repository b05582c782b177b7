"""Importing the files councils already have, as they are: Ofsted's official statistics (CSV and .ods), Ofsted's
management information and Data to Insight's scrape; the layout is recognised from the header row."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sendready.domain.history.events import load_areas
from sendready.domain.history.formats import canonical_name, parse_inspection_file
from sendready.forecasting.actions import import_events
from sendready.forecasting.models import InspectionEvent

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
D2I = Path(__file__).resolve().parents[1] / "data" / "d2i_ofsted_send_summary_sample.csv"
D2I_HEADER = D2I.read_text("utf-8").splitlines()[0]


def _import(path: Path) -> str:
    out = StringIO()
    call_command("import_inspections", str(path), stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    "name",
    [
        "ofsted_area_send_2016_framework_to_2022-08-31.csv",
        "ofsted_area_send_2016_framework_to_2022-08-31.ods",
    ],
)
def test_ofsteds_official_statistics_import_as_published_and_match_the_history_held(
    db, name: str
) -> None:
    out = _import(SHARED / name)
    assert "Read as Ofsted's official statistics" in out
    assert out.strip().endswith(
        "0 added, 0 updated, 195 unchanged"
    )  # 149 inspections and 46 re-visits
    assert InspectionEvent.objects.count() == 270


def test_ofsteds_management_information_imports_as_published(db) -> None:
    out = _import(SHARED / "ofsted_area_send_mi_2023_framework_jan-aug_2023.csv")
    assert "Read as Ofsted's management information" in out
    assert out.strip().endswith("0 added, 0 updated, 16 unchanged")


def test_data_to_insights_scrape_imports_with_lower_case_names_and_blank_start_dates(db) -> None:
    out = _import(D2I)
    assert "Read as Data to Insight's Ofsted SEND summary" in out
    assert out.strip().endswith("0 added, 0 updated, 5 unchanged")
    result = parse_inspection_file(D2I.read_bytes(), load_areas())
    derbyshire = next(e for e in result.events if e.area_code == "E10000007")
    assert derbyshire.start_date is None and str(derbyshire.publication_date) == "2024-11-14"
    assert derbyshire.outcome == "SYSTEMIC"
    assert {e.area_code for e in result.events} >= {
        "E06000010",
        "E06000020",
    }  # Hull, Telford & Wrekin


def test_a_new_inspection_in_data_to_insights_layout_is_added_and_reported(db) -> None:
    new_row = (
        "80447,801,E12000009,E06000023,bristol,01/01/1900,06/10/25,10/10/25,2,"
        "test row,20/11/25,3 years,06/10/28,https://reports.ofsted.gov.uk/provider/44/80447"
    )
    report = import_events(content="\n".join([D2I.read_text("utf-8").strip(), new_row]))
    assert (report.added, report.unchanged, report.layout) == (1, 5, "d2i_scrape")
    assert report.added_lines == [
        "Bristol, City of: full inspection (2023 framework) started 2025-10-06"
    ]
    assert (
        InspectionEvent.objects.get(event_key="E06000023|2023|full|2025-10-06").outcome
        == "INCONSISTENT"
    )


def test_names_match_however_each_source_writes_them() -> None:
    assert canonical_name("telford & wrekin") == canonical_name("Telford and Wrekin")
    assert canonical_name("kingston upon hull") == canonical_name("Kingston upon Hull, City of")
    assert canonical_name("durham") == canonical_name("County Durham")


def test_an_unknown_layout_lists_the_layouts_accepted(db) -> None:
    report = import_events(content="Name,Date,Result\nStoke,2025-10-06,Good\n")
    (problem,) = report.errors
    assert problem.row == 1 and "does not match any layout" in problem.message
    for words in (
        "Ofsted's official statistics",
        "Ofsted's management information",
        "Data to Insight",
        "area_send_events_to_2025-08-31.csv",
    ):
        assert words in problem.message


def test_bad_rows_in_a_councils_file_are_named_by_its_own_row_and_column_and_nothing_is_written(
    db,
) -> None:
    rows = [
        D2I_HEADER,
        "1,999,E12000005,,atlantis,,06/10/25,10/10/25,2,,20/11/25,,,",  # unknown area
        "2,861,E12000005,E06000021,stoke-on-trent,,06/10/25,01/10/25,2,,20/11/25,,,",  # ends before it starts
        "3,894,E12000005,E06000020,telford & wrekin,,06/10/25,10/10/25,4,,20/11/25,,,",  # no grade 4
        "4,801,E12000009,E06000023,bristol,,06/10/25,10/10/25,2,,01/10/25,,,",  # published before it started
        "5,810,E12000003,E06000010,kingston upon hull,,13/10/25,17/10/25,1,,20/11/25,,,",
        "6,810,E12000003,E06000010,kingston upon hull,,13/10/25,17/10/25,1,,20/11/25,,,",
    ]  # duplicate
    report = import_events(content="\n".join(rows))
    found = {(e.row, e.column) for e in report.errors}
    assert found == {
        (2, "La Code"),
        (3, "Inspection End Date"),
        (4, "Outcome Grade"),
        (5, "Publication Date"),
        (7, "Inspection Start Date"),
    }
    assert any("already in row 6" in e.message for e in report.errors)
    assert InspectionEvent.objects.count() == 270


def test_a_revisit_without_a_written_statement_of_action_does_not_fit_the_framework(
    db, tmp_path
) -> None:
    text = (
        (SHARED / "ofsted_area_send_2016_framework_to_2022-08-31.csv")
        .read_text("utf-8")
        .splitlines()
    )
    row = text[1].replace(
        ",No,,,,,,", ",No,,2019-05-13,2019-07-01,Yes,1,0"
    )  # Barking and Dagenham: no WSOA
    path = tmp_path / "official.csv"
    path.write_text("\n".join([text[0], row]), "utf-8")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_inspections", str(path), stdout=StringIO(), stderr=(err := StringIO()))
    assert "Row 2, column 'Revisit start date': a re-visit only follows" in err.getvalue()


def test_a_spreadsheet_that_would_expand_enormously_is_refused_before_it_is_opened(db) -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<a>" + "x" * (30 * 1024 * 1024) + "</a>")
    report = import_events(content=buffer.getvalue())
    (problem,) = report.errors
    assert "far larger than a list of inspections" in problem.message
    assert InspectionEvent.objects.count() == 270
