"""Check every row of every Blade module, vectorised; any error means nothing is kept.

Each cell is checked for its type and codes, each module's key must be present and unique, and each row's
link to its parent module (person to return, request to person, and so on) must match a row there: a key
that does not join is an error, because the row would otherwise be silently lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import polars as pl

from sendready.domain.sen2.parse import blank, expected, parse_date, parse_date_fast, parse_value
from sendready.domain.sen2.problems import MAX_PROBLEMS, ROW_COLUMN, Sen2Problem
from sendready.domain.sen2.reading import BladeExport, ModuleTable
from sendready.domain.sen2.spec import Module, Sen2Column

TEXT = ("string",)


@dataclass(frozen=True)
class Sen2Check:
    """Rows where `bad` is true get `message` (an expression, so it can quote the value)."""

    column: str | None
    bad: pl.Expr
    message: pl.Expr


@dataclass
class CheckedExport:
    """Typed module tables (empty if any error) and every problem found, with the full counts."""

    tables: dict[str, pl.DataFrame] = field(default_factory=dict)
    errors: list[Sen2Problem] = field(default_factory=list)
    warnings: list[Sen2Problem] = field(default_factory=list)
    error_count: int = 0
    rows_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def check_export(
    export: BladeExport, today: date, *, max_problems: int = MAX_PROBLEMS
) -> CheckedExport:
    """Type every column and run every check; keep the typed tables only when nothing is wrong."""
    result = CheckedExport(errors=list(export.errors), warnings=list(export.warnings))
    result.error_count = len(result.errors)
    if export.errors:
        return result
    typed: dict[str, pl.DataFrame] = {}
    for key, table in export.tables.items():
        typed[key] = _typed(table)
        result.rows_checked += table.frame.height
        table.frame = table.frame.clear()  # the strings are in `typed` now; let the copy go
    for key, table in export.tables.items():
        frame = typed[key]
        checks = _cell_checks(table.module) + _rule_checks(key, today)
        _run(frame, checks, table, result, max_problems)
        parent = table.module.parent
        if parent is not None:
            _join_check(frame, table, typed[parent], export.tables[parent], result, max_problems)
    if result.error_count:
        return result
    result.tables = {
        k: f.select([c.name for c in export.tables[k].module.kept()] + [ROW_COLUMN])
        for k, f in typed.items()
    }
    # identifiers are needed once more to make each person's hash, then dropped by the caller
    result.tables["person"] = typed["person"]
    return result


def _typed(table: ModuleTable) -> pl.DataFrame:
    exprs = []
    dates = [c for c in table.module.columns if c.type == "date"]
    for c in table.module.columns:
        if c.role == "drop":
            continue
        raw = pl.col(c.name)
        # Text needs no copy of its raw form: blank and missing are the same once stripped.
        if c.type not in TEXT:
            exprs.append(raw.alias(f"raw__{c.name}"))
        # keys and identifiers are text (stripped, blank as missing); dates first in COLLECT's form only
        value = parse_date_fast(raw) if c.type == "date" else parse_value(raw, c)
        exprs.append(value.alias(c.name))
    frame = table.frame.select([pl.col(ROW_COLUMN), *exprs])
    if not dates:
        return frame
    missed = frame.select(
        [
            (pl.col(c.name).is_null() & ~blank(pl.col(f"raw__{c.name}"))).any().alias(c.name)
            for c in dates
        ]
    ).row(0, named=True)
    slow = [c for c in dates if missed[c.name]]
    # Other date forms (the XML's ISO dates, a date without its time) only for columns that need it.
    if slow:
        frame = frame.with_columns(parse_date(pl.col(f"raw__{c.name}")).alias(c.name) for c in slow)
    return frame


def _cell_checks(module: Module) -> list[Sen2Check]:
    checks: list[Sen2Check] = []
    for c in module.columns:
        if c.role == "drop":
            continue
        value = pl.col(c.name)
        raw = value if c.type in TEXT else pl.col(f"raw__{c.name}")
        if c.role in ("key", "parent") or c.required:
            missing = value.is_null() if c.type in TEXT else blank(raw)
            checks.append(
                Sen2Check(c.source, missing, pl.lit(f"{c.label} is blank. It is required."))
            )
        if c.role in ("data",) and c.type not in TEXT:
            checks.append(
                Sen2Check(
                    c.source,
                    ~blank(raw) & value.is_null(),
                    pl.format(
                        f"{c.label} is '{{}}'; it should be {expected(c)}.", raw.str.slice(0, 60)
                    ),
                )
            )
    key = module.key_column
    k = pl.col(key.name)
    checks.append(
        Sen2Check(
            key.source,
            k.is_not_null() & k.is_duplicated(),
            pl.format(f"{key.label} {{}} appears on more than one row; each row needs its own.", k),
        )
    )
    return checks


def _future(column: str, label: str, today: date) -> Sen2Check:
    value = pl.col(column)
    return Sen2Check(
        column, value > today, pl.format(f"{label} {{}} is in the future.", value.cast(pl.String))
    )


def _rule_checks(key: str, today: date) -> list[Sen2Check]:
    c = pl.col
    match key:
        case "person":
            neither = c("upn").is_null() & c("uln").is_null() & c("upn_unknown").is_null()
            bad_upn = c("upn").is_not_null() & ~c("upn").str.replace_all(
                " ", ""
            ).str.to_uppercase().str.contains(r"^[A-Z][0-9]{11}[0-9A-Z]$")
            bad_uln = c("uln").is_not_null() & ~c("uln").str.contains(r"^\d{10}$")
            return [
                Sen2Check(
                    "upn",
                    neither,
                    pl.lit("UPN and ULN are both blank and no reason is given (upnunknown)."),
                ),
                Sen2Check(
                    "upn",
                    bad_upn,
                    pl.lit(
                        "The UPN is not 13 characters: a letter, 11 digits, then a digit or letter."
                    ),
                ),
                Sen2Check("uniquelearnernumber", bad_uln, pl.lit("The ULN is not 10 digits.")),
                _future("date_of_birth", "Date of birth", today),
            ]
        case "requests":
            before = c("request_outcome_date") < c("received_date")
            return [
                _future("received_date", "Date request was received", today),
                _future("request_outcome_date", "Request outcome date", today),
                Sen2Check(
                    "requestoutcomedate",
                    before,
                    pl.format(
                        "Request outcome date {} is before the request was received ({}).",
                        c("request_outcome_date").cast(pl.String),
                        c("received_date").cast(pl.String),
                    ),
                ),
                Sen2Check(
                    "requestoutcome",
                    c("request_outcome").is_not_null() & c("request_outcome_date").is_null(),
                    pl.lit("Request outcome is given but its date (requestoutcomedate) is blank."),
                ),
            ]
        case "assessment":
            return [
                _future("assessment_outcome_date", "Assessment outcome date", today),
                Sen2Check(
                    "assessmentoutcome",
                    c("assessment_outcome").is_not_null() & c("assessment_outcome_date").is_null(),
                    pl.lit(
                        "Assessment outcome is given but its date (assessmentoutcomedate) is blank."
                    ),
                ),
            ]
        case "named_plan":
            return [
                _future("start_date", "EHC plan start date", today),
                Sen2Check(
                    "ceasedate",
                    c("cease_date") < c("start_date"),
                    pl.format(
                        "The plan ceased on {}, before it started ({}).",
                        c("cease_date").cast(pl.String),
                        c("start_date").cast(pl.String),
                    ),
                ),
                Sen2Check(
                    "ceasereason",
                    c("cease_date").is_not_null() & c("cease_reason").is_null(),
                    pl.lit("The plan has a cease date but no reason it ceased."),
                ),
            ]
        case "placement_detail":
            return [
                Sen2Check(
                    "leavingdate",
                    c("leaving_date") < c("entry_date"),
                    pl.format(
                        "Placement leaving date {} is before its start date ({}).",
                        c("leaving_date").cast(pl.String),
                        c("entry_date").cast(pl.String),
                    ),
                ),
                Sen2Check(
                    "urn",
                    blank(c("raw__urn")) & blank(c("raw__ukprn")) & blank(c("raw__sen_setting")),
                    pl.lit("The placement has no URN, UKPRN or SEN setting; one is required."),
                ),
            ]
        case "sen_need":
            pair = pl.struct("active_plan_table_id", "sen_type_rank")
            return [
                Sen2Check(
                    "sentyperank",
                    c("sen_type_rank").is_not_null() & pair.is_duplicated(),
                    pl.format(
                        "Two needs of the same plan have rank {}; each rank is used once.",
                        c("sen_type_rank"),
                    ),
                ),
            ]
    return []


def _column_source(module: Module, name: str | None) -> str | None:
    """Problems name columns as the file does; rule checks may give our name or the heading."""
    if name is None:
        return None
    for c in module.columns:
        if name in (c.name, c.source):
            return c.source
    return name


def _run(
    frame: pl.DataFrame,
    checks: list[Sen2Check],
    table: ModuleTable,
    result: CheckedExport,
    limit: int,
) -> None:
    if not checks or frame.height == 0:
        return
    counts = frame.select(
        [ch.bad.fill_null(False).sum().alias(str(i)) for i, ch in enumerate(checks)]
    ).row(0)
    for check, count in zip(checks, counts, strict=True):
        if not count:
            continue
        result.error_count += int(count)
        room = limit - len(result.errors)
        if room <= 0:
            continue
        found = (
            frame.filter(check.bad.fill_null(False))
            .head(room)
            .select(ROW_COLUMN, check.message.alias("m"))
        )
        column = _column_source(table.module, check.column)
        result.errors += [Sen2Problem(table.file_name, r, column, m) for r, m in found.iter_rows()]


def _join_check(
    frame: pl.DataFrame,
    table: ModuleTable,
    parent_frame: pl.DataFrame,
    parent: ModuleTable,
    result: CheckedExport,
    limit: int,
) -> None:
    link: Sen2Column | None = table.module.parent_column
    if link is None:
        return
    parent_key = parent.module.key_column.name
    keys = parent_frame.get_column(parent_key).drop_nulls().unique()
    value = pl.col(link.name)
    bad = value.is_not_null() & ~value.is_in(keys.implode())
    message = pl.format(
        f"{link.label} {{}} does not match any row of {parent.file_name}, so this row belongs to nobody.",
        value,
    )
    _run(frame, [Sen2Check(link.source, bad, message)], table, result, limit)
