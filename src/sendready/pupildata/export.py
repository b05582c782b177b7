"""The snapshot as an XLSX in the documented layout, streamed with openpyxl's write-only mode."""

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from sendready.domain.person_level.indicator_rules import with_every_column
from sendready.domain.person_level.reading import ROW_COLUMN
from sendready.domain.person_level.schema import load_schema
from sendready.domain.text import looks_like_formula
from sendready.pupildata import storage
from sendready.pupildata.models import Snapshot


def _value(value: object) -> object:
    if isinstance(value, bool):
        return "Y" if value else "N"
    return value


PROGRESS_EVERY = 10_000


def snapshot_xlsx(snapshot: Snapshot, progress: Callable[[int], None] | None = None) -> Path:
    """Write the snapshot's rows to a temporary XLSX file (the caller deletes it); never a formula.
    `progress` is told the rows written so far, every PROGRESS_EVERY rows."""
    names = load_schema().names
    rows = storage.scan_rows(snapshot.data_path)
    if (
        ROW_COLUMN in rows.collect_schema().names()
    ):  # stored in person_id order: give the file's own
        rows = rows.sort(ROW_COLUMN)
    # A snapshot stored before the layout gained a column gets it blank.
    frame = with_every_column(rows).select(names).collect()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Pupils")
    sheet.freeze_panes = "A2"
    header = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for number, row in enumerate(frame.iter_rows(), start=1):
        sheet.append([_safe(sheet, _value(v)) for v in row])
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(number)
    about = workbook.create_sheet("About")
    about.append(["Area", snapshot.area.name])
    about.append(["Figures as at", snapshot.snapshot_date])
    about.append(["Source file", _safe(about, snapshot.file_name)])
    about.append(["Rows", snapshot.row_count])
    about.append(["Exported", dt.date.today()])
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False)  # noqa: SIM115 (closed below)
    handle.close()
    workbook.save(handle.name)
    return Path(handle.name)


def _safe(sheet, value: object) -> object:
    # openpyxl makes any text starting "=" a formula; mark such text as a plain string instead.
    if isinstance(value, str) and looks_like_formula(value):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value
