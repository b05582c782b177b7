"""CSV downloads that spreadsheet programs open safely (no formula injection) and in UTF-8."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would treat this text as a formula."""
    return text.startswith(FORMULA_STARTS)


def neutralise(value: object) -> str:
    """Text for one CSV cell: dates as ISO, None as empty, formula-like text behind an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    text = str(value)
    if isinstance(value, str) and looks_like_formula(text):
        return "'" + text
    return text


def rows_to_csv(
    headers: Sequence[str], rows: Iterable[Sequence[object]], bom: bool = True
) -> bytes:
    """A CSV file as bytes; the byte-order mark makes Excel read UTF-8 (names like Zoë) correctly."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in headers])
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    data = buffer.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data
