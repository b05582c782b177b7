"""CSV downloads that spreadsheet programs open safely (no formula injection) and in UTF-8."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence

from sendready.domain.text import neutralise_formula


def neutralise(value: object) -> str:
    """Text for one CSV cell: dates as ISO, None as empty, formula-like text behind an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, str):
        return neutralise_formula(value) or ""
    return str(value)


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
