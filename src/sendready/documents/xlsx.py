"""Excel downloads: one sheet per table, bold frozen header, sized columns, never a formula."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping, Sequence

from openpyxl import Workbook
from openpyxl.cell import Cell, MergedCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sendready.domain.dates.workdays import to_london
from sendready.domain.text import looks_like_formula

Table = tuple[Sequence[str], Iterable[Sequence[object]]]
MAX_WIDTH = 60
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique sheet title: no []:*?/\\ and at most 31 characters."""
    base = " ".join(_BAD_TITLE.sub(" ", name).split()).strip("'")[:31] or "Sheet"
    title, n = base, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def _plain(value: object) -> object:
    """Excel cannot store time zones: aware datetimes become London wall-clock time."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return to_london(value).replace(tzinfo=None)
    return value


def _width(value: object) -> int:
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _write(
    ws: Worksheet, row: int, values: Sequence[object], widths: dict[int, int]
) -> list[Cell | MergedCell]:
    cells: list[Cell | MergedCell] = []
    for col, raw in enumerate(values, start=1):
        value = _plain(raw)
        cell = ws.cell(row=row, column=col)
        cell.value = value  # type: ignore[assignment]  # openpyxl refuses types it cannot store
        if isinstance(value, str) and looks_like_formula(value):
            # Keep the text exactly as typed, stored as a string and marked "text" so Excel never runs it.
            cell.data_type = "s"
            cell.quotePrefix = True
        elif isinstance(value, dt.datetime):
            cell.number_format = "dd/mm/yyyy hh:mm"
        elif isinstance(value, dt.date):
            cell.number_format = "dd/mm/yyyy"
        if value is not None:
            widths[col] = max(widths.get(col, 0), _width(value))
        cells.append(cell)
    return cells


def table_to_xlsx(sheets: Mapping[str, Table]) -> bytes:
    """A workbook with one sheet per (headers, rows) table; text that looks like a formula stays text."""
    workbook = Workbook()
    for blank in workbook.worksheets:  # the one sheet a new workbook starts with
        workbook.remove(blank)
    used: set[str] = set()
    for name, (headers, rows) in sheets.items():
        ws = workbook.create_sheet(_sheet_title(name, used))
        widths: dict[int, int] = {}
        for cell in _write(ws, 1, headers, widths):
            cell.font = Font(bold=True)
        for index, row in enumerate(rows, start=2):
            _write(ws, index, row, widths)
        ws.freeze_panes = "A2"
        for col, width in widths.items():
            ws.column_dimensions[get_column_letter(col)].width = min(width + 2, MAX_WIDTH)
    if not workbook.worksheets:
        workbook.create_sheet("Sheet")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
