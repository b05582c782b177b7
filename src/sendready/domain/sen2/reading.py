"""Read a COLLECT Blade CSV export (a zip, or the nine CSV files) into tables of strings.

Files are recognised by the module at the end of their name (`Blade-Export_28-09-2022_person.csv`); the
export date in the name is kept. Headings are matched without regard to case. Every row keeps the row
number a spreadsheet user sees (heading is row 1). Unknown columns are ignored with a warning.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from pathlib import Path

import polars as pl

from sendready.domain.sen2.problems import ROW_COLUMN, Sen2Problem, Sen2ReadError
from sendready.domain.sen2.spec import Module, load_spec

DEFAULT_MAX_BYTES = 1024 * 1024 * 1024
_NAME = re.compile(r"(?:blade-export_(\d{2}-\d{2}-\d{4})_)?([a-z0-9_ -]+?)\.csv$", re.IGNORECASE)

Source = str | Path | bytes


@dataclass
class ModuleTable:
    """One module's file read as strings, columns renamed to our names."""

    module: Module
    file_name: str
    frame: pl.DataFrame


@dataclass
class BladeExport:
    """The modules found, the export date in the file names, and what was noticed while reading."""

    tables: dict[str, ModuleTable] = field(default_factory=dict)
    export_date: date | None = None
    errors: list[Sen2Problem] = field(default_factory=list)
    warnings: list[Sen2Problem] = field(default_factory=list)


def module_for(file_name: str) -> tuple[Module | None, date | None]:
    """The module a file name belongs to, and the export date in the name (if any)."""
    match = _NAME.search(Path(file_name).name)
    if not match:
        return None, None
    stem = re.sub(r"[_ -]", "", match.group(2).lower())
    module = next(
        (m for m in load_spec().modules if stem in (m.file, m.key.replace("_", ""))), None
    )
    day = None
    if match.group(1):
        try:
            day = datetime.strptime(match.group(1), "%d-%m-%Y").date()
        except ValueError:
            day = None
    return module, day


def read_blade(
    files: Sequence[tuple[str, Source]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> BladeExport:
    """Read a zip (one entry) or the CSV files (name, bytes or path) of a Blade export."""
    export = BladeExport()
    # Each file is read when its turn comes and let go after it is parsed, so only one file's bytes are
    # held at a time (a national export's person file alone is hundreds of megabytes).
    members: list[tuple[str, Callable[[], bytes]]] = []
    total = 0
    for name, source in files:
        size = _size(name, source)
        total += size
        if total > max_bytes:
            raise Sen2ReadError(
                Sen2Problem(name, None, None, "The files are larger than the upload limit.")
            )
        if name.lower().endswith(".zip") or _head(name, source) == b"PK\x03\x04":
            members += _unzip(name, _bytes(name, source), max_bytes)
        else:
            members.append((name, partial(_bytes, name, source)))
    for name, load in members:
        module, day = module_for(name)
        if module is None:
            export.warnings.append(
                Sen2Problem(
                    name,
                    None,
                    None,
                    "This file is not one of the nine Blade modules; it was ignored.",
                )
            )
            continue
        if module.key in export.tables:
            export.errors.append(
                Sen2Problem(
                    name,
                    None,
                    None,
                    f"Two files hold the {module.title} module ({export.tables[module.key].file_name} "
                    "and this one). Upload one export at a time.",
                )
            )
            continue
        if day is not None:
            export.export_date = export.export_date or day
        table = _read_module(module, name, load(), export)
        if table is not None:
            export.tables[module.key] = table
    for module in load_spec().modules:
        if module.key not in export.tables and not any(
            p.file and module_for(p.file)[0] == module for p in export.errors
        ):
            export.errors.append(
                Sen2Problem(
                    None,
                    None,
                    None,
                    f"The {module.title} file (ending _{module.file}.csv) is missing. Upload all nine "
                    "files of the Blade export, or the zip that holds them.",
                )
            )
    return export


def _size(name: str, source: Source) -> int:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return len(source)
    try:
        return Path(source).stat().st_size
    except OSError as exc:
        raise Sen2ReadError(
            Sen2Problem(name, None, None, f"The file could not be opened ({exc.strerror or exc}).")
        ) from exc


def _head(name: str, source: Source) -> bytes:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source[:4])
    with Path(source).open("rb") as handle:
        return handle.read(4)


def _bytes(name: str, source: Source) -> bytes:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise Sen2ReadError(
            Sen2Problem(name, None, None, f"The file could not be opened ({exc.strerror or exc}).")
        ) from exc


def _unzip(name: str, data: bytes, max_bytes: int) -> list[tuple[str, Callable[[], bytes]]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [
            i for i in archive.infolist() if not i.is_dir() and i.filename.lower().endswith(".csv")
        ]
        if sum(i.file_size for i in infos) > max_bytes:
            raise Sen2ReadError(
                Sen2Problem(name, None, None, "The zip unpacks to more than the upload limit.")
            )
        return [(Path(i.filename).name, partial(archive.read, i)) for i in infos]
    except (zipfile.BadZipFile, OSError) as exc:
        raise Sen2ReadError(
            Sen2Problem(name, None, None, "The zip file could not be opened. It may be damaged.")
        ) from exc


def _read_module(module: Module, name: str, data: bytes, export: BladeExport) -> ModuleTable | None:
    data = data.removeprefix(b"\xef\xbb\xbf")
    if not data.strip():
        export.errors.append(
            Sen2Problem(name, None, None, "The file is empty; it needs its heading row.")
        )
        return None
    wanted = _wanted_headings(module, data)
    try:
        frame = pl.read_csv(
            data,
            infer_schema=False,
            raise_if_empty=False,
            truncate_ragged_lines=True,
            columns=wanted,
        )
    except pl.exceptions.PolarsError:
        try:
            frame = pl.read_csv(
                data.decode("cp1252", errors="replace").encode(),
                infer_schema=False,
                raise_if_empty=False,
                truncate_ragged_lines=True,
            )
            export.warnings.append(
                Sen2Problem(
                    name, None, None, "The file was not UTF-8; it was read as Windows-1252."
                )
            )
        except pl.exceptions.PolarsError:
            export.errors.append(
                Sen2Problem(name, None, None, "The file could not be read as CSV.")
            )
            return None
    known = module.by_heading()
    renames: dict[str, str] = {}
    headings = list(frame.columns) if wanted is None else _all_headings(data) or frame.columns
    for heading in headings:
        column = known.get(heading.strip().lower())
        if column is None:
            export.warnings.append(
                Sen2Problem(
                    name, None, heading, "This column is not part of the module and was ignored."
                )
            )
        elif column.name in renames.values():
            export.errors.append(Sen2Problem(name, None, heading, "This column appears twice."))
        elif heading in frame.columns:
            renames[heading] = column.name
    frame = frame.select([pl.col(h).alias(n) for h, n in renames.items()])
    for column in module.columns:
        if column.role != "drop" and column.name not in frame.columns:
            if column.role in ("key", "parent") or column.required:
                export.errors.append(
                    Sen2Problem(
                        name,
                        None,
                        column.source,
                        f"The column {column.source} ({column.label}) is missing.",
                    )
                )
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(column.name))
    frame = frame.with_columns(pl.int_range(2, pl.len() + 2, dtype=pl.Int64).alias(ROW_COLUMN))
    return ModuleTable(module=module, file_name=name, frame=frame)


def _all_headings(data: bytes) -> list[str]:
    try:
        return pl.read_csv(data[:65536], n_rows=0, infer_schema=False).columns
    except pl.exceptions.PolarsError:
        return []


def _wanted_headings(module: Module, data: bytes) -> list[str] | None:
    """The headings worth reading: every one but the module's dropped columns (None: read them all).

    Unknown headings are still read (a few), so they can be warned about; duplicates force a full read."""
    headings = _all_headings(data)
    if not headings or len({h.strip().lower() for h in headings}) != len(headings):
        return None
    known = module.by_heading()
    return [
        h for h in headings if (c := known.get(h.strip().lower())) is None or c.role != "drop"
    ] or None
