"""Reading CSV and XLSX files and validating them: every problem found, nothing imported on error."""

import csv
import datetime as dt
import io

import openpyxl
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sendready.domain.person_level.reading import (
    ROW_COLUMN,
    TableReadError,
    import_file,
    read_table,
    read_table_with_notes,
    validate,
)
from sendready.domain.person_level.schema import template_header
from sendready.domain.text import neutralise_formula

TODAY = dt.date(2025, 3, 31)
HEADER = "person_id,date_of_birth,sen_status,primary_need,ehcna_request_date,final_plan_date\n"


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return (header + "\n".join(rows) + "\n").encode("utf-8")


def errors_of(data: bytes, name: str = "f.csv") -> list[str]:
    return [f"{p.row}:{p.column}:{p.message}" for p in import_file(data, name, TODAY).errors]


def test_a_good_csv_imports_with_typed_columns():
    result = import_file(
        csv_bytes("P1,2015-03-04,E,ASD,2024-01-10,2024-05-01", "P2,04/03/2016,k,SLCN,,"),
        "f.csv",
        TODAY,
    )
    assert result.ok and result.rows.height == 2
    assert result.rows["date_of_birth"].to_list() == [dt.date(2015, 3, 4), dt.date(2016, 3, 4)]
    assert result.rows["sen_status"].to_list() == ["E", "K"]
    assert result.rows.columns[1:] == template_header()


def test_a_utf8_bom_is_accepted_and_windows_1252_is_read_with_a_plain_warning():
    data = "person_id,date_of_birth,sen_status,ethnicity\nP1,2015-03-04,N,Refused\n"
    assert import_file(b"\xef\xbb\xbf" + data.encode(), "f.csv", TODAY).ok
    read = read_table_with_notes((data + "P\xe9,2015-03-04,N,\n").encode("cp1252"), "f.csv")
    assert read.encoding == "windows-1252" and "UTF-8" in read.warnings[0]
    assert read.frame["person_id"][1] == "P\xe9"


def test_row_numbers_count_the_header_as_row_one_and_skip_title_rows():
    data = b"Someshire SEND data,,\n\n" + csv_bytes(
        "P1,2015-03-04,E,ASD,,", "P2,2015-03-04,X,ASD,,"
    )
    errors = errors_of(data)
    assert errors == ["5:sen_status:'X' is not a valid SEN status. Use one of: E, K, N."]


def test_every_kind_of_cell_error_is_reported_with_its_row():
    errors = errors_of(
        csv_bytes(
            "P1,2030-01-01,E,ASD,,",
            "P2,1990-01-01,E,ASD,,",
            "P3,2015-01-01,E,ZZZ,2024-05-01,2024-01-01",
            "P3,2015-01-01,K,SPLD,,",
            "=cmd|' /C calc'!A0,2015-01-01,K,MLD,,",
            "P6,2015-13-45,K,,,",
        )
    )
    joined = "\n".join(errors)
    assert "2:date_of_birth:Date of birth 2030-01-01 is in the future." in joined
    assert "3:date_of_birth:Date of birth 1990-01-01 makes this person 35 years old" in joined
    assert "4:primary_need:'ZZZ' is not a valid primary need. Use one of: SPLD" in joined
    assert (
        "4:final_plan_date:Final EHC plan date 2024-01-01 is before the EHC needs assessment"
        in joined
    )
    assert "5:person_id:Person ID P3 also appears on row 4." in joined
    assert "6:person_id:" in joined and "formula" in joined
    assert "7:date_of_birth:'2015-13-45' is not a valid date of birth" in joined
    assert "7:primary_need:Primary need is blank. It is required when SEN status is K." in joined


def test_a_file_with_errors_imports_nothing_and_caps_the_list():
    rows = [f"P{i},2015-01-01,Q,ASD,," for i in range(1500)]
    result = import_file(csv_bytes(*rows), "f.csv", TODAY)
    assert result.rows.height == 0 and len(result.errors) == 1000
    assert result.error_count == 1500 and result.errors_not_listed == 500


def test_missing_and_unknown_columns_suggest_the_intended_name():
    data = b"Person ID,Date of brith,sen_status,Favourite colour\nP1,2015-01-01,E,red\n"
    errors = errors_of(data)
    assert any(
        "Column 'Date of brith' is not recognised. Did you mean 'date_of_birth'" in e
        for e in errors
    )
    result = import_file(
        b"person_id,date_of_birth,sen_status,Favourite colour\nP1,2015-01-01,N,red\n",
        "f.csv",
        TODAY,
    )
    assert result.ok and "ignored" in result.warnings[0].message
    assert "no 'sen_status' column" in " ".join(
        errors_of(b"person_id,date_of_birth\nP1,2015-01-01\n")
    )


def test_empty_and_oversized_files_are_refused_in_plain_words():
    assert "empty" in errors_of(b"")[0]
    assert "no rows of data" in errors_of(HEADER.encode())[0]
    result = import_file(csv_bytes("P1,2015-01-01,N,,,"), "f.csv", TODAY, max_bytes=10)
    assert "larger than" in result.errors[0].message
    with pytest.raises(TableReadError):
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "old.xls")


def test_booleans_accept_the_usual_spellings_and_upn_like_ids_are_refused():
    header = "person_id,date_of_birth,sen_status,looked_after\n"
    result = import_file(
        csv_bytes(
            "A,2015-01-01,N,Yes",
            "B,2015-01-01,N,false",
            "C,2015-01-01,N,1",
            "D,2015-01-01,N,n",
            header=header,
        ),
        "f.csv",
        TODAY,
    )
    assert result.rows["looked_after"].to_list() == [True, False, True, False]
    assert "UPN" in errors_of(csv_bytes("A123456789012,2015-01-01,N,", header=header))[0]


def test_xlsx_with_title_rows_merged_cells_and_three_kinds_of_date():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Pupil data for Someshire"
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["Person ID", "Date of birth", "SEN status", "Primary need"])
    ws.append(["P1", dt.date(2015, 3, 4), "E", "ASD"])
    ws.append(["P2", "04/03/2015", "K", "SLCN"])
    ws.append(["P3", 42067, "K", None])
    ws.merge_cells("D5:D6")
    for r in range(7, 12):
        ws.cell(r, 2).number_format = "0"
    buf = io.BytesIO()
    wb.save(buf)
    read = read_table_with_notes(buf.getvalue(), "f.xlsx")
    assert read.header_row == 3 and read.frame[ROW_COLUMN].to_list() == [4, 5, 6]
    result = import_file(buf.getvalue(), "f.xlsx", TODAY)
    assert result.ok, result.errors
    assert result.rows["date_of_birth"].to_list() == [dt.date(2015, 3, 4)] * 3
    assert result.rows["primary_need"].to_list() == ["ASD", "SLCN", "SLCN"]
    assert any("serial" in w.message for w in result.warnings)


def test_exports_can_neutralise_formula_text():
    assert neutralise_formula("=1+2") == "'=1+2" and neutralise_formula("P1") == "P1"


def test_validate_works_on_a_frame_without_row_numbers():
    df = pl.DataFrame({"person_id": ["P1"], "date_of_birth": ["bad"], "sen_status": ["N"]})
    assert validate(df, TODAY).errors[0].row == 2


cells = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["=1+2", "@x", "-", "E", "K", "2015-01-01", "", "45000", "Y", "ASD", "\x00", '"', ","]
    ),
)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise_from_import(data):
    result = import_file(data, "x.csv", TODAY)
    assert result.ok == (not result.errors)
    assert result.ok or result.rows.height == 0, "a refused file yields no rows"
    result = import_file(b"PK\x03\x04" + data, "x.xlsx", TODAY)
    assert result.errors and result.rows.height == 0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(template_header()), st.text(max_size=10)), min_size=1, max_size=8
    ),
    st.lists(st.lists(cells, min_size=0, max_size=9), max_size=6),
)
def test_random_headers_and_cells_give_every_row_or_none_and_problems_inside_the_file(header, rows):
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    result = import_file(buf.getvalue().encode("utf-8"), "x.csv", TODAY)
    last_row = len(rows) + 1  # the header is row 1
    for problem in result.errors + result.warnings:
        assert problem.row is None or 1 <= problem.row <= last_row, problem
    if result.ok:
        numbers = result.rows[ROW_COLUMN].to_list()
        assert len(numbers) == len(set(numbers)) <= len(rows)
        assert all(2 <= n <= last_row for n in numbers)
        blank = {n for n, row in enumerate(rows, start=2) if not any(c.strip() for c in row)}
        assert not blank & set(numbers), "blank lines are never imported as people"
    else:
        assert result.rows.height == 0, "a refused file stores nothing"
