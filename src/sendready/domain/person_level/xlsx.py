"""Low-level XLSX helpers for reading.py: pick the sheet, find where it starts, fill merged cells.

fastexcel (calamine) reads the values fast but trims empty leading rows and columns and leaves merged
cells blank below/right of their top-left cell, so we read a little of the sheet XML ourselves.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from io import BytesIO

import polars as pl

# Scanning for <mergeCell> means reading the whole sheet XML; skip it for huge sheets (rare there).
MERGE_SCAN_LIMIT = 100 * 1024 * 1024
MAX_MERGES = 500

_SHEET = re.compile(rb'<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"', re.DOTALL)
_SHEET_ALT = re.compile(rb'<sheet\b[^>]*?r:id="([^"]*)"[^>]*?name="([^"]*)"', re.DOTALL)
_REL = re.compile(rb'<Relationship\b[^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"', re.DOTALL)
_REL_ALT = re.compile(rb'<Relationship\b[^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"', re.DOTALL)
_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]+)([0-9]+)"[^>]*?(/>|>(.*?)</c>)', re.DOTALL)
_MERGE = re.compile(rb'<mergeCell\b[^>]*?ref="([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)"')
_FORMULA = re.compile(
    rb'<c\b[^>]*?\br="([A-Z]+)([0-9]+)"[^>]*>(?:(?!</c>).)*?<f\b([^>]*?)(?:/>|>(.*?)</f>)',
    re.DOTALL,
)
MAX_FORMULAS = 1000

# Zip bombs: a 1 MB workbook whose shared strings expand to 1 GB once drove the worker past 10 GB. Real
# workbooks compress about 12 to 1 (generated 20,000-row sheet: 24.8 MB of XML in 2.0 MB), so a member
# over 10 MB expanding more than 150 to 1, or over 2 GB in all, is refused before any of it is read.
MAX_UNCOMPRESSED = 2 * 1024**3
MAX_RATIO = 150
RATIO_FLOOR = 10 * 1024 * 1024


def zip_bomb_problem(
    data: bytes, max_uncompressed: int = MAX_UNCOMPRESSED, max_ratio: float = MAX_RATIO
) -> str | None:
    """Why the workbook must not be opened (it expands too far), or None; reads only the zip directory."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None  # not our job: the reader says the file is damaged
    total = sum(m.file_size for m in members)
    worst = max(
        (m.file_size / max(m.compress_size, 1) for m in members if m.file_size > RATIO_FLOOR),
        default=0,
    )
    if total > max_uncompressed or worst > max_ratio or len(members) > 10_000:
        return (
            f"The Excel file expands to {total / 1024**2:,.0f} MB when opened, far more than a "
            "spreadsheet of this size should, so it was not opened. It may be damaged. Open it in "
            "Excel and save it as 'CSV UTF-8 (Comma delimited)', then upload the CSV."
        )
    return None


@dataclass(frozen=True)
class SheetLayout:
    """Where a sheet's used range starts (1-based) and which ranges are merged (1-based, inclusive)."""

    first_row: int = 1
    first_col: int = 1
    merges: tuple[tuple[int, int, int, int], ...] = ()
    merges_skipped: bool = False
    # Cells holding a formula (row, column, formula text): calamine gives only their cached value,
    # so without this a =HYPERLINK(...) cell would slip through as plain text or a blank.
    formulas: tuple[tuple[int, int, str], ...] = ()


def column_number(letters: bytes) -> int:
    """Convert spreadsheet column letters (b"A", b"AB") to a 1-based number."""
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _sheet_paths(zf: zipfile.ZipFile) -> dict[str, str]:
    workbook = zf.read("xl/workbook.xml")
    rels = zf.read("xl/_rels/workbook.xml.rels")
    targets = {i: t for i, t in _REL.findall(rels)} | {i: t for t, i in _REL_ALT.findall(rels)}
    sheets = {n: i for n, i in _SHEET.findall(workbook)} | {
        n: i for i, n in _SHEET_ALT.findall(workbook)
    }
    paths = {}
    for name, rid in sheets.items():
        target = targets.get(rid, b"").decode("utf-8", "replace")
        if not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else "xl/" + target
        paths[_unescape(name.decode("utf-8", "replace"))] = path
    return paths


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def sheet_layout(data: bytes, sheet_name: str) -> SheetLayout:
    """Find the first used row and column and the merged ranges of a sheet; defaults if unreadable."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            path = _sheet_paths(zf).get(sheet_name)
            if path is None:
                return SheetLayout()
            info = zf.getinfo(path)
            with zf.open(info) as stream:
                head = stream.read(2 * 1024 * 1024)
            first_row, first_col = _first_used(head)
            if info.file_size > MERGE_SCAN_LIMIT:
                return SheetLayout(first_row, first_col, (), merges_skipped=True)
            merges, formulas = _scan(zf, info)
            return SheetLayout(
                first_row,
                first_col,
                tuple(merges[:MAX_MERGES]),
                len(merges) > MAX_MERGES,
                tuple(formulas[:MAX_FORMULAS]),
            )
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, RuntimeError):
        return SheetLayout()


def _first_used(head: bytes) -> tuple[int, int]:
    rows: list[int] = []
    cols: list[int] = []
    for m in _CELL.finditer(head):
        body = m.group(4) or b""
        # A cell with only a style has no <v>/<is>; calamine skips it, so do we.
        if b"<v>" in body or b"<v " in body or b"<is>" in body or b"<f>" in body:
            rows.append(int(m.group(2)))
            cols.append(column_number(m.group(1)))
            if len(rows) >= 2000:
                break
    if not rows:
        return 1, 1
    return min(rows), min(cols)


def _scan(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo
) -> tuple[list[tuple[int, int, int, int]], list[tuple[int, int, str]]]:
    """Merged ranges and formula cells of a sheet, read in chunks cut at a cell boundary."""
    found: list[tuple[int, int, int, int]] = []
    formulas: list[tuple[int, int, str]] = []
    tail = b""
    with zf.open(info) as stream:
        while True:
            chunk = stream.read(8 * 1024 * 1024)
            block = tail + chunk
            cut = block.rfind(b"</c>") + 4 if chunk else len(block)
            if cut < 4:
                cut = len(block) if not chunk else 0
            done, tail = block[:cut], block[cut:]
            if b"<mergeCell" in done:
                found += [
                    (
                        int(m.group(2)),
                        column_number(m.group(1)),
                        int(m.group(4)),
                        column_number(m.group(3)),
                    )
                    for m in _MERGE.finditer(done)
                ]
            if b"<f" in done and len(formulas) < MAX_FORMULAS:
                for m in _FORMULA.finditer(done):
                    text = _unescape((m.group(4) or b"").decode("utf-8", "replace"))
                    formulas.append(
                        (int(m.group(2)), column_number(m.group(1)), text or "(shared formula)")
                    )
            if not chunk:
                break
    return sorted(set(found)), formulas


def mark_formulas(frame: pl.DataFrame, layout: SheetLayout) -> pl.DataFrame:
    """Put '=' + formula text in every formula cell, so validation rejects it at its row and column."""
    if not layout.formulas or frame.height == 0:
        return frame
    columns = frame.columns
    edits: dict[str, list[tuple[int, str]]] = {}
    for row, col, text in layout.formulas:
        r, c = row - layout.first_row, col - layout.first_col
        if 0 <= r < frame.height and 0 <= c < len(columns):
            edits.setdefault(columns[c], []).append((r, "=" + text))
    out = {}
    for name, cells in edits.items():
        values = frame[name].cast(pl.String).to_list()
        for r, text in cells:
            values[r] = text
        out[name] = pl.Series(name, values, dtype=pl.String)
    return frame.with_columns(**out) if out else frame


def fill_merged(frame: pl.DataFrame, layout: SheetLayout) -> pl.DataFrame:
    """Copy each merged range's top-left value into every cell of the range (frame is 0-based)."""
    if not layout.merges or frame.height == 0:
        return frame
    index = pl.int_range(pl.len())
    columns = frame.columns
    exprs: dict[str, pl.Expr] = {}
    for r1, c1, r2, c2 in layout.merges:
        top, bottom = r1 - layout.first_row, r2 - layout.first_row
        left, right = c1 - layout.first_col, c2 - layout.first_col
        if top < 0 or left < 0 or top >= frame.height or left >= len(columns):
            continue
        value = frame[top, columns[left]]
        if value is None:
            continue
        for c in range(left, min(right, len(columns) - 1) + 1):
            name = columns[c]
            current = exprs.get(name, pl.col(name))
            exprs[name] = (
                pl.when(index.is_between(top, bottom)).then(pl.lit(value)).otherwise(current)
            )
    if not exprs:
        return frame
    return frame.with_columns(**exprs)
