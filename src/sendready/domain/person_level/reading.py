"""Read a person-level SEND file (CSV or XLSX) into strings, then validate it (validation.py).

Decisions (documented for users and the web layer):
- Encoding: UTF-8 (with or without BOM) is expected. A CSV that is not valid UTF-8 is read as
  Windows-1252 (what Excel's plain "CSV (Comma delimited)" writes) with a warning in plain words; UTF-16
  (Excel "Unicode text") is read too. Nothing is rejected for its encoding alone.
- Layout: title rows above the heading row are skipped (the heading row is the first of the top 30 rows
  that names at least two known columns); blank rows are skipped; merged cells are filled from their
  top-left cell. Every row keeps the row number a spreadsheet user sees, in the `_source_row` column.
- Size: files over `max_bytes` (default 200 MB; the web layer passes its setting) are refused unread.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import fastexcel
import polars as pl

from sendready.domain.person_level.schema import load_schema, normalise_heading
from sendready.domain.person_level.validation import (
    ROW_COLUMN,
    Problem,
    ValidationResult,
    row_numbers,
    validate,
)
from sendready.domain.person_level.xlsx import (
    fill_merged,
    mark_formulas,
    sheet_layout,
    zip_bomb_problem,
)
from sendready.domain.text import shorten

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ROW_COLUMN",
    "Problem",
    "TableRead",
    "TableReadError",
    "ValidationResult",
    "import_file",
    "read_table",
    "read_table_with_notes",
    "validate",
]

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
HEADER_SEARCH_ROWS = 30
HEADING_LIMIT = 200
SAMPLE_CHARS = 65536


class TableReadError(Exception):
    """The file could not be read as a table; `message` is written for a council officer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class TableRead:
    """A file read as strings, with notes about how it was read."""

    frame: pl.DataFrame
    warnings: list[str] = field(default_factory=list)
    header_row: int = 1
    encoding: str = "utf-8"


def read_table(
    source: str | Path | bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> pl.DataFrame:
    """Read CSV or XLSX into a DataFrame of strings (plus `_source_row`); raises TableReadError."""
    return read_table_with_notes(source, filename, max_bytes=max_bytes).frame


def read_table_with_notes(
    source: str | Path | bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> TableRead:
    """Like read_table, but also return warnings (encoding, skipped rows) and the heading row."""
    data = _load_bytes(source, max_bytes)
    if not data or data.isspace():
        raise TableReadError(
            "The file is empty. Add a heading row and one row per child or young person."
        )
    name = filename.lower()
    if name.endswith((".xlsx", ".xlsm")) or data[:4] == b"PK\x03\x04":
        return _read_xlsx(data)
    if name.endswith(".xls") or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise TableReadError(
            "This is an old-style Excel file (.xls). Open it in Excel and save it as "
            "'Excel Workbook (.xlsx)' or 'CSV UTF-8 (Comma delimited)', then upload it again."
        )
    return _read_csv(data)


def _load_bytes(source: str | Path | bytes, max_bytes: int) -> bytes:
    limit_mb = max_bytes / (1024 * 1024)
    too_big = (
        f"The file is larger than the {limit_mb:.0f} MB limit. Remove columns that are not in the "
        "template, or split the file, and upload it again."
    )
    if isinstance(source, (bytes, bytearray, memoryview)):
        if len(source) > max_bytes:
            raise TableReadError(too_big)
        return bytes(source)
    path = Path(source)
    try:
        if path.stat().st_size > max_bytes:
            raise TableReadError(too_big)
        return path.read_bytes()
    except OSError as exc:
        raise TableReadError(f"The file could not be opened ({exc.strerror or exc}).") from exc


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; latin-1 maps every byte, so fall back to it for those.
    try:
        text, encoding = data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    warning = (
        "This file was not saved as UTF-8. It looks like Excel's older 'CSV (Comma delimited)' format, "
        f"so we read it as {encoding}. Check that names with accents or symbols such as £ look right. "
        "Next time, choose 'CSV UTF-8 (Comma delimited)' when you save."
    )
    return text, encoding, [warning]


class _NotUtf8(Exception):
    """The fast UTF-8 read met bytes that are not UTF-8; decode the whole file instead."""


def _read_csv(data: bytes) -> TableRead:
    # Usual case: valid UTF-8 (with or without BOM) and no NULs. polars reads the bytes as they came
    # and checks the UTF-8 itself, so the file is never decoded into a Python string; only its start is,
    # to sniff the delimiter. Anything else (or a UTF-8 error from polars) takes the decoding path.
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in data:
        head = data[: 4 * SAMPLE_CHARS].removeprefix(b"\xef\xbb\xbf")
        try:
            sample = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)[
                :SAMPLE_CHARS
            ]
            return _parse_csv(data, sample, lambda: data.decode("utf-8-sig"), "utf-8", [])
        except (UnicodeDecodeError, _NotUtf8):
            pass
    text, encoding, warnings = _decode(data)
    text = text.replace("\x00", "")
    return _parse_csv(text.encode("utf-8"), text[:SAMPLE_CHARS], lambda: text, encoding, warnings)


def _parse_csv(
    payload: bytes,
    sample: str,
    full_text: Callable[[], str],
    encoding: str,
    warnings: list[str],
) -> TableRead:
    delimiter = _sniff_delimiter(sample)
    try:
        width = max((len(r) for r in _sample_records(sample, delimiter)), default=1)
    except csv.Error:
        width = 1
    frame = None
    for attempt in range(2):
        schema = {f"c{i}": pl.String for i in range(max(width, 1))}
        try:
            frame = pl.read_csv(
                payload,
                has_header=False,
                separator=delimiter,
                schema=schema,
                missing_columns="insert",
                infer_schema=False,
                raise_if_empty=False,
            )
            break
        except pl.exceptions.PolarsError as exc:
            if encoding == "utf-8" and "utf-8" in str(exc).lower():
                raise _NotUtf8 from exc
            if attempt == 0 and "more fields" in str(exc):
                try:
                    width = max(
                        len(r) for r in csv.reader(io.StringIO(full_text()), delimiter=delimiter)
                    )
                except csv.Error:
                    break
                continue
            break
    if frame is None:
        raise TableReadError(
            "The file could not be read as CSV. Check it is a comma-separated file saved from a "
            "spreadsheet, with one heading row and one row per child or young person."
        )
    result = _locate_header(frame, first_row=1)
    result.warnings[:0] = warnings
    result.encoding = encoding
    return result


def _sniff_delimiter(sample: str) -> str:
    first = next((line for line in sample.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def _sample_records(sample: str, delimiter: str) -> list[list[str]]:
    cut = sample.rsplit("\n", 1)[0] if len(sample) == SAMPLE_CHARS else sample
    return list(csv.reader(io.StringIO(cut), delimiter=delimiter))[:200]


def _read_xlsx(data: bytes) -> TableRead:
    bomb = zip_bomb_problem(data)
    if bomb:
        raise TableReadError(bomb)
    try:
        reader = fastexcel.read_excel(data)
        best: tuple[int, str] | None = None
        for sheet_name in reader.sheet_names[:10]:
            top = reader.load_sheet(
                sheet_name, header_row=None, n_rows=HEADER_SEARCH_ROWS, dtypes="string"
            )
            score = max((_heading_score(row) for row in top.to_polars().rows()), default=0)
            if best is None or score > best[0]:
                best = (score, sheet_name)
        if best is None:
            raise TableReadError("The workbook has no sheets.")
        sheet = reader.load_sheet(best[1], header_row=None, dtypes="string")
        frame = sheet.to_polars()
    except TableReadError:
        raise
    except Exception as exc:  # fastexcel raises many error types for damaged files
        raise TableReadError(
            "The Excel file could not be read. It may be damaged or password-protected: open it in "
            "Excel, save it as 'Excel Workbook (.xlsx)' and try again."
        ) from exc
    layout = sheet_layout(data, best[1])
    frame = fill_merged(frame.rename({c: f"c{i}" for i, c in enumerate(frame.columns)}), layout)
    frame = mark_formulas(frame, layout)
    result = _locate_header(frame, first_row=layout.first_row)
    if len(reader.sheet_names) > 1:
        result.warnings.append(
            f"The workbook has {len(reader.sheet_names)} sheets; we read '{shorten(best[1], 100)}'."
        )
    if layout.merges_skipped:
        result.warnings.append(
            "Some merged cells were not filled in; unmerge cells before uploading."
        )
    return result


def _heading_score(row: tuple[object, ...]) -> int:
    aliases = load_schema().header_aliases()
    return sum(1 for v in row if isinstance(v, str) and normalise_heading(v) in aliases)


def _locate_header(frame: pl.DataFrame, first_row: int) -> TableRead:
    if frame.height == 0 or frame.width == 0:
        raise TableReadError(
            "The file is empty. Add a heading row and one row per child or young person."
        )
    top = frame.head(HEADER_SEARCH_ROWS).rows()
    scores = [_heading_score(r) for r in top]
    nonblank = [i for i, r in enumerate(top) if any(v is not None and str(v).strip() for v in r)]
    if not nonblank:
        raise TableReadError("The file has no heading row in its first 30 rows.")
    best = max(range(len(top)), key=lambda i: (scores[i], -i))
    header_idx = best if scores[best] >= 2 else nonblank[0]
    # polars keeps blank lines as null rows (with 2+ columns), and calamine starts at first_row.
    header_row = first_row + header_idx
    names: list[str] = []
    seen: dict[str, int] = {}
    for i, v in enumerate(top[header_idx]):
        # A heading is echoed in warnings, pages and downloads: a 30 MB cell must not be.
        name = shorten(str(v).strip(), HEADING_LIMIT) if v is not None else ""
        name = name or f"(blank heading {i + 1})"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        names.append(name)
    body = frame.slice(header_idx + 1).rename(dict(zip(frame.columns, names)))
    lengths = body.to_series(0).chunk_lengths() if body.width else [body.height]
    body = body.with_columns(row_numbers(lengths, header_row + 1))
    data_cols = [c for c in names]
    # Drop rows and columns with nothing in them (trailing blank rows, unlabelled empty columns).
    body = _drop_blank_rows(body, data_cols)
    empty = [
        c
        for c in data_cols
        if c.startswith("(blank heading") and body[c].null_count() == body.height
    ]
    body = body.drop(empty)
    warnings = []
    if header_idx > 0 and header_row > 1:
        warnings.append(f"Rows above row {header_row} were treated as titles and skipped.")
    return TableRead(frame=body, warnings=warnings, header_row=header_row)


def _drop_blank_rows(body: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    """Drop rows with nothing but blanks or spaces; only short rows count (as ever), and only rows whose
    fullest column is blank are looked at closely (stripping every cell of a large file is slow)."""
    if not columns or body.height == 0:
        return body
    # Headings can be anything ("*" would mean every column to pl.col), so work on positional names.
    series = [body.get_column(c) for c in columns]
    pivot = min(series, key=lambda s: s.null_count())
    candidates = (pivot.is_null() | pivot.str.strip_chars().eq("")).arg_true()
    if candidates.len() == 0:
        return body
    cells = pl.DataFrame({f"c{i}": s.gather(candidates) for i, s in enumerate(series)})
    names = cells.columns
    length = pl.sum_horizontal(pl.col(c).str.len_bytes().fill_null(0) for c in names)
    blank_here = (length < 256) & ~pl.any_horizontal(
        pl.col(c).str.strip_chars().ne("").fill_null(False) for c in names
    )
    blank = candidates.filter(cells.select(blank_here).to_series())
    if blank.len() == 0:
        return body
    tail = body.height - blank.len()
    if blank[0] == tail and blank[-1] == body.height - 1:  # trailing blank rows: no copy
        return body.slice(0, tail)
    keep = ~pl.int_range(pl.len(), dtype=pl.UInt32).is_in(blank.implode())
    return body.filter(keep)


def import_file(
    source: str | Path | bytes,
    filename: str,
    today: date,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ValidationResult:
    """Read and validate a file; never raises for bad input, returning problems instead."""
    try:
        read = read_table_with_notes(source, filename, max_bytes=max_bytes)
    except TableReadError as exc:
        return ValidationResult.failed(Problem(row=None, column=None, message=exc.message))
    result = validate(read.frame, today)
    result.warnings[:0] = [Problem(row=None, column=None, message=w) for w in read.warnings]
    return result
