"""Awkward files councils really send: each imports correctly, or is refused whole with a clear reason."""

import datetime as dt
import io

import openpyxl
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from sendready.domain.person_level.generator import generate
from sendready.domain.person_level.reading import ROW_COLUMN, import_file
from sendready.pupildata import storage
from sendready.pupildata.models import ImportRun, Snapshot
from tests.pupildata.conftest import AS_OF, csv_bytes
from tests.pupildata.test_import import files_under, upload

pytestmark = pytest.mark.django_db


def workbook(rows: int = 12, title: str | None = None) -> tuple[openpyxl.Workbook, list[str]]:
    frame = generate(rows, 8, as_of=AS_OF)
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.append([])
    sheet.append(frame.columns)
    for row in frame.iter_rows():
        sheet.append(list(row))
    return book, frame.columns


def xlsx_bytes(book: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def imported(client, people, lano, data: bytes, name: str) -> ImportRun:
    client.force_login(lano)
    upload(client, people, data, name=name)
    return ImportRun.objects.latest("created_at")


def test_a_title_row_above_the_heading_row_is_skipped_in_csv_and_xlsx(client, people, lano):
    data = b"Ashvale SEND data extract,,\r\nRun on 31/03/2025,,\r\n" + csv_bytes(15)
    run = imported(client, people, lano, data, "titled.csv")
    assert run.status == "done" and run.snapshot.row_count == 15
    assert any("treated as titles" in w["message"] for w in run.warnings)
    book, _ = workbook(10, title="SEND extract for inspectors")
    run = imported(client, people, lano, xlsx_bytes(book), "titled.xlsx")
    assert run.status == "done" and run.snapshot.row_count == 10


def test_merged_cells_are_filled_from_their_top_left_cell(client, people, lano):
    book, columns = workbook(6)
    sheet = book.active
    col = columns.index("primary_need") + 1
    sheet.cell(row=2, column=col).value = "ASD"
    sheet.merge_cells(start_row=2, start_column=col, end_row=4, end_column=col)
    run = imported(client, people, lano, xlsx_bytes(book), "merged.xlsx")
    assert run.status == "done", run.errors
    from sendready.pupildata import storage

    needs = storage.read_rows(run.snapshot.data_path).sort("_source_row")["primary_need"].to_list()
    assert needs[:3] == ["ASD", "ASD", "ASD"]


def test_dates_as_excel_dates_serial_numbers_and_text_all_import(client, people, lano):
    book, columns = workbook(3)
    sheet = book.active
    col = columns.index("date_of_birth") + 1
    sheet.cell(row=2, column=col).value = dt.datetime(2015, 6, 1)
    sheet.cell(row=3, column=col).value = 42156  # Excel serial for 2015-06-01
    sheet.cell(row=4, column=col).value = "01/06/2015"
    run = imported(client, people, lano, xlsx_bytes(book), "dates.xlsx")
    assert run.status == "done", run.errors
    from sendready.pupildata import storage

    dobs = storage.read_rows(run.snapshot.data_path).sort("_source_row")["date_of_birth"].to_list()
    assert dobs == [dt.date(2015, 6, 1)] * 3


def test_trailing_blank_rows_are_ignored(client, people, lano):
    run = imported(
        client, people, lano, csv_bytes(12) + b",,,,\r\n\r\n,,\r\n\r\n", "blank-tail.csv"
    )
    assert run.status == "done" and run.snapshot.row_count == 12


def test_a_real_formula_cell_in_xlsx_is_rejected_and_nothing_is_imported(
    client, people, lano, media
):
    book, columns = workbook(5)
    book.active.cell(
        row=3, column=columns.index("setting_urn") + 1
    ).value = '=HYPERLINK("http://x.invalid","go")'
    run = imported(client, people, lano, xlsx_bytes(book), "formula.xlsx")
    assert run.status == "failed" and not Snapshot.objects.exists()
    assert any(p["row"] == 3 for p in run.errors)
    assert files_under(media) == []


def test_a_windows_1252_file_imports_with_a_warning_about_its_encoding(client, people, lano):
    text = csv_bytes(8).decode()
    lines = text.splitlines()
    lines[1] = lines[1].replace("P0000001", "P000é001", 1)
    run = imported(client, people, lano, "\r\n".join(lines).encode("cp1252"), "excel.csv")
    assert run.status == "done", run.errors
    assert any("UTF-8" in w["message"] for w in run.warnings)


def test_a_file_that_is_not_a_table_at_all_is_refused_cleanly(client, people, lano):
    run = imported(
        client, people, lano, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "picture.csv"
    )
    assert run.status == "failed" and run.error_count >= 1
    run = imported(client, people, lano, b"PK\x03\x04 not really a zip", "broken.xlsx")
    assert run.status == "failed" and "could not be read" in run.errors[0]["message"]


HOSTILE_CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "=1+1",
            "@SUM(A1)",
            "+44",
            "-3",
            "\t",
            "\x00",
            "2099-01-01",
            "31/02/2020",
            "Y",
            "N",
            "E",
            "K",
            "ASD",
            "",
            '"',
            "\r\n",
            "é",
            "\ufeff",
            "9" * 30,
            "NaN",
            "-1",
        ]
    ),
)


# The client, the areas and the media folder are made once per test, not per example: each example
# compares the database and the folder with how it found them, so sharing them is safe.
@hsettings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    header=st.lists(
        st.sampled_from(
            [
                "person_id",
                "date_of_birth",
                "sen_status",
                "primary_need",
                "sex",
                "phase",
                "junk",
                "",
                "Person ID",
            ]
        ),
        max_size=8,
    ),
    body=st.lists(st.lists(HOSTILE_CELLS, max_size=9), max_size=6),
    encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]),
    name=st.sampled_from(["a.csv", "a.xlsx", "a.txt"]),
)
def test_hostile_files_never_cause_a_server_error_or_a_partial_import(
    client, two_areas, media, header, body, encoding, name
):
    from sendready.areas.constants import Role

    people = two_areas[0]
    client.force_login(people.by_role[Role.LANO])
    text = "\n".join([",".join(header)] + [",".join(row) for row in body])
    data = text.encode(encoding, errors="replace")
    lines_in_file = len(data.decode(encoding, errors="replace").splitlines()) or 1
    snapshots_before = set(Snapshot.objects.values_list("pk", "data_path"))
    files_before = files_under(media)
    runs_before = ImportRun.objects.count()
    response = upload(client, people, data, name=name, follow=True)
    assert response.status_code == 200
    run = ImportRun.objects.order_by("-pk").first()
    if run is None or run.status != "done":
        # Refused, at the form or by the import: nothing stored, no file left behind.
        assert set(Snapshot.objects.values_list("pk", "data_path")) == snapshots_before
        assert files_under(media) == files_before
        if run is not None and ImportRun.objects.count() > runs_before:
            assert run.errors, "a refused import says why"
            for problem in run.errors:
                assert problem["row"] is None or 1 <= problem["row"] <= lines_in_file, problem
        return
    # Imported: the snapshot holds exactly the rows the file's own check accepted, no more, no fewer.
    expected = import_file(data, name, AS_OF)
    assert expected.ok
    stored = storage.read_rows(run.snapshot.data_path)
    assert run.snapshot.row_count == stored.height == expected.rows.height
    assert sorted(stored[ROW_COLUMN].to_list()) == sorted(expected.rows[ROW_COLUMN].to_list())
    assert all(2 <= n <= lines_in_file for n in stored[ROW_COLUMN].to_list())
