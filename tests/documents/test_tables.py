"""Spreadsheet and CSV downloads keep values, never run formulas, and look tidy."""

import csv
import datetime as dt
import io

import openpyxl

from sendready.documents.csvout import neutralise, rows_to_csv
from sendready.documents.xlsx import table_to_xlsx
from sendready.domain.dates.workdays import LONDON

EVIL = '=HYPERLINK("https://evil.example","Click")'


def workbook(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_keeps_values_and_types():
    rows = [
        ["Annex A", dt.date(2025, 9, 12), 4],
        ["Survey", dt.datetime(2025, 9, 9, 12, tzinfo=LONDON), None],
    ]
    ws = workbook(table_to_xlsx({"Tasks": (["Task", "Due", "Days"], rows)}))["Tasks"]
    assert [c.value for c in ws[1]] == ["Task", "Due", "Days"]
    assert ws["B2"].value == dt.datetime(2025, 9, 12)
    assert ws["B3"].value == dt.datetime(2025, 9, 9, 12)
    assert ws["C2"].value == 4


def test_xlsx_never_writes_formula_cells():
    rows = [[EVIL, "+44 20 0000", "-1+2", "@SUM(A1)", -5]]
    ws = workbook(table_to_xlsx({"Links": (["a", "b", "c", "d", "e"], rows)}))["Links"]
    row = list(ws[2])
    assert [c.value for c in row] == [EVIL, "+44 20 0000", "-1+2", "@SUM(A1)", -5]
    assert all(c.data_type != "f" for r in ws.iter_rows() for c in r)
    assert all(c.quotePrefix for c in row[:4])


def test_xlsx_header_is_bold_and_frozen_with_sized_columns():
    data = table_to_xlsx({"People": (["Name", "Notes"], [["Zoë", "x" * 200]])})
    ws = workbook(data)["People"]
    assert ws["A1"].font.bold and ws.freeze_panes == "A2"
    assert 4 <= ws.column_dimensions["A"].width <= 10
    assert ws.column_dimensions["B"].width == 60


def test_xlsx_makes_sheet_names_valid_and_unique():
    data = table_to_xlsx({"Week 1/2: tasks?": (["a"], []), "week 1 2  tasks": (["a"], [])})
    names = workbook(data).sheetnames
    assert names[0] == "Week 1 2 tasks"
    assert len({n.lower() for n in names}) == 2


def test_csv_neutralises_formula_text_but_not_numbers():
    assert neutralise(EVIL) == "'" + EVIL
    assert neutralise("@cmd") == "'@cmd"
    assert neutralise(-5) == "-5"
    assert neutralise(dt.date(2022, 3, 22)) == "2022-03-22"
    assert neutralise(None) == ""


def test_csv_round_trips_with_a_bom_for_excel():
    data = rows_to_csv(["Name", "Link"], [["Zoë", EVIL], ["Sam, Jr", "ok"]])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["Name", "Link"], ["Zoë", "'" + EVIL], ["Sam, Jr", "ok"]]
