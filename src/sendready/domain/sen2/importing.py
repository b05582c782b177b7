"""One call from files to what is stored: read (Blade CSVs, a zip of them, or the XML return), check,
pseudonymise. Never raises for bad input; any error leaves `tables` empty, so nothing can be stored."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sendready.domain.sen2.problems import MAX_PROBLEMS, Sen2Problem, Sen2ReadError
from sendready.domain.sen2.reading import DEFAULT_MAX_BYTES, BladeExport, Source, read_blade
from sendready.domain.sen2.tables import Sen2Tables, build_tables
from sendready.domain.sen2.validation import check_export


@dataclass
class Sen2Import:
    """What an import found: the stored tables when nothing was wrong, and every problem."""

    tables: Sen2Tables | None = None
    errors: list[Sen2Problem] = field(default_factory=list)
    warnings: list[Sen2Problem] = field(default_factory=list)
    error_count: int = 0
    rows_checked: int = 0
    export_date: date | None = None

    @property
    def ok(self) -> bool:
        return self.tables is not None and not self.errors


def is_xml(files: Sequence[tuple[str, Source]]) -> bool:
    return len(files) == 1 and files[0][0].lower().endswith(".xml")


def import_return(
    files: Sequence[tuple[str, Source]],
    *,
    secret: bytes,
    today: date,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_problems: int = MAX_PROBLEMS,
) -> Sen2Import:
    """Read and check a SEN2 return; pseudonymise it only when it has no error."""
    try:
        if is_xml(files):
            from sendready.domain.sen2.xml_return import read_xml

            export: BladeExport = read_xml(files[0][0], files[0][1], max_bytes=max_bytes)
        else:
            export = read_blade(files, max_bytes=max_bytes)
    except Sen2ReadError as exc:
        return Sen2Import(errors=[exc.problem], error_count=1)
    checked = check_export(export, today, max_problems=max_problems)
    result = Sen2Import(
        errors=checked.errors,
        warnings=checked.warnings,
        error_count=checked.error_count,
        rows_checked=checked.rows_checked,
        export_date=export.export_date,
    )
    if checked.ok:
        result.tables = build_tables(checked.tables, secret)
    return result
