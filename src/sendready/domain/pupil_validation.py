"""Validate a person-level SEND table of strings, vectorised with polars.

Decisions: a file with any error imports nothing (`rows` is then empty). Unknown columns are ignored with a
warning, except near misses of a template column that is absent, which are errors with "did you mean".
Cells that would run as spreadsheet formulas (starting = + - @, tab or carriage return) are rejected, not
neutralised, so stored data never holds them; exports should still pass text through neutralise_formula.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from sendready.domain.pupil_checks import build_checks
from sendready.domain.pupil_parse import (
    clean,
    empty_typed_frame,
    is_serial_date,
    parse_column,
    parse_fast,
)
from sendready.domain.pupil_schema import load_schema, normalise_heading

ROW_COLUMN = "_source_row"
MAX_PROBLEMS = 1000


@dataclass(frozen=True)
class Problem:
    """One error or warning; row is the spreadsheet row (header is row 1), None for file-level."""

    row: int | None
    column: str | None
    message: str


@dataclass
class ValidationResult:
    """Typed rows (empty if any error), problems (capped) and the full counts."""

    rows: pl.DataFrame
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0
    rows_checked: int = 0

    @property
    def ok(self) -> bool:
        """True when the file can be imported."""
        return not self.errors

    @property
    def errors_not_listed(self) -> int:
        """How many errors were counted but left out of `errors`."""
        return self.error_count - len(self.errors)

    @classmethod
    def failed(cls, problem: Problem) -> ValidationResult:
        """A result holding one file-level error."""
        return cls(rows=empty_typed_frame(), errors=[problem], error_count=1)


def neutralise_formula(value: str | None) -> str | None:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe (for exports)."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def _map_headings(columns: list[str]) -> tuple[dict[str, str], list[Problem], list[Problem]]:
    schema = load_schema()
    aliases = schema.header_aliases()
    mapped: dict[str, str] = {}
    unknown: list[str] = []
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for heading in columns:
        name = aliases.get(normalise_heading(heading))
        if name is None:
            unknown.append(heading)
        elif name in mapped.values():
            first = next(h for h, n in mapped.items() if n == name)
            errors.append(
                Problem(
                    1,
                    heading,
                    f"Columns '{first}' and '{heading}' are both "
                    f"'{schema[name].title}'. Keep one of them.",
                )
            )
        else:
            mapped[heading] = name
    absent = [n for n in schema.names if n not in mapped.values()]
    absent_aliases = {a: n for a, n in aliases.items() if n in absent}
    claimed: set[str] = set()
    for heading in unknown:
        close = difflib.get_close_matches(normalise_heading(heading), list(absent_aliases), 1, 0.75)
        if close and absent_aliases[close[0]] not in claimed:
            col = schema[absent_aliases[close[0]]]
            claimed.add(col.name)
            errors.append(
                Problem(
                    1,
                    heading,
                    f"Column '{heading}' is not recognised. Did you mean "
                    f"'{col.name}' ({col.title})?",
                )
            )
        else:
            warnings.append(
                Problem(1, heading, f"Column '{heading}' is not in the template and was ignored.")
            )
    for name in schema.required:
        if name not in mapped.values() and name not in claimed:
            col = schema[name]
            errors.append(
                Problem(1, name, f"The file has no '{name}' column ({col.title}). It is required.")
            )
    return mapped, errors, warnings


def validate(
    df: pl.DataFrame, today: date, *, max_problems: int = MAX_PROBLEMS
) -> ValidationResult:
    """Check every row and column of a table of strings; return typed rows only if there is no error."""
    schema = load_schema()
    heading_cols = [c for c in df.columns if c != ROW_COLUMN]
    mapped, errors, warnings = _map_headings(heading_cols)
    if errors:
        return ValidationResult(empty_typed_frame(), errors, warnings, len(errors), len(warnings))
    if df.height == 0:
        problem = Problem(None, None, "The file has a heading row but no rows of data.")
        return ValidationResult(empty_typed_frame(), [problem], warnings, 1, len(warnings))
    rows = pl.col(ROW_COLUMN) if ROW_COLUMN in df.columns else pl.int_range(pl.len()) + 2
    by_name = {n: h for h, n in mapped.items()}
    raws = [
        (clean(by_name[c.name]) if c.name in by_name else pl.lit(None, pl.String)).alias(
            f"raw__{c.name}"
        )
        for c in schema.columns
    ]
    work = _parse(df.lazy().select(rows.cast(pl.Int64).alias(ROW_COLUMN), *raws))
    work, notes = _attendance_fractions(work)
    warnings += notes
    checks = build_checks(today)
    slow_dates = [c for c in schema.columns if c.type == "date" and work[f"slow__{c.name}"].any()]
    work = work.drop(f"slow__{c.name}" for c in schema.columns if f"slow__{c.name}" in work.columns)
    counts = work.select(
        pl.col(f"raw__{c.name}").pipe(is_serial_date).sum().alias(f"serial__{c.name}")
        for c in slow_dates
    ).row(0, named=True) if slow_dates else {}
    if serial := sum(v or 0 for v in counts.values()):
        warnings.append(
            Problem(
                None,
                None,
                f"{serial} dates were Excel serial numbers and were read as "
                "dates; check a few of them.",
            )
        )
    hits = work.select(
        pl.col(ROW_COLUMN).filter(ch.mask.fill_null(False)).len().alias(str(i))
        for i, ch in enumerate(checks)
    ).row(0)
    listed: dict[bool, list[tuple[int, int, Problem]]] = {True: [], False: []}
    totals = {True: 0, False: 0}
    for i, (check, n) in enumerate(zip(checks, hits)):
        if not n:
            continue
        totals[check.error] += n
        sample = (
            work.filter(check.mask.fill_null(False))
            .head(max_problems)
            .select(pl.col(ROW_COLUMN), check.message.alias("message"))
        )
        for row, message in sample.iter_rows():
            listed[check.error].append((row, i, Problem(row, check.column, message)))
    found_errors = [p for _, _, p in sorted(listed[True], key=lambda t: t[:2])][:max_problems]
    found_warnings = [p for _, _, p in sorted(listed[False], key=lambda t: t[:2])][:max_problems]
    errors += found_errors
    warnings += found_warnings
    error_count = totals[True]
    warning_count = len(warnings) - len(found_warnings) + totals[False]
    typed = work.select(ROW_COLUMN, *schema.names)
    return ValidationResult(
        rows=empty_typed_frame() if errors else typed,
        errors=errors,
        warnings=warnings,
        error_count=error_count,
        warning_count=warning_count,
        rows_checked=df.height,
    )


def _parse(raw: pl.LazyFrame) -> pl.DataFrame:
    """Typed columns: a fast parser for the usual spelling first, the full one only where it is needed."""
    schema = load_schema()
    fast = {c.name: parse_fast(pl.col(f"raw__{c.name}"), c) for c in schema.columns}
    tried = [c for c in schema.columns if fast[c.name] is not None]
    work = raw.with_columns(
        (fast[c.name] if fast[c.name] is not None else parse_column(pl.col(f"raw__{c.name}"), c)).alias(c.name)
        for c in schema.columns
    ).with_columns(
        (pl.col(f"raw__{c.name}").is_not_null() & pl.col(c.name).is_null()).alias(f"slow__{c.name}")
        for c in tried
    ).collect()
    slow = [c for c in tried if work[f"slow__{c.name}"].any()]
    if slow:
        work = work.with_columns(
            pl.when(pl.col(f"slow__{c.name}"))
            .then(parse_column(pl.col(f"raw__{c.name}"), c))
            .otherwise(pl.col(c.name))
            .alias(c.name)
            for c in slow
        )
    # Looking up each person's first row is costly on a million rows; only do it if someone repeats.
    if work["person_id"].drop_nulls().is_duplicated().any():
        return work.with_columns(pl.col(ROW_COLUMN).min().over("person_id").alias("_first_row"))
    return work.with_columns(pl.col(ROW_COLUMN).alias("_first_row"))


def _attendance_fractions(work: pl.DataFrame) -> tuple[pl.DataFrame, list[Problem]]:
    """Excel percentage cells arrive as fractions (0.935): scale the column if every value is <= 1."""
    values = work["attendance_pct"].drop_nulls()
    if values.len() >= 10 and values.max() <= 1.0 and values.min() >= 0.0:  # type: ignore[operator]
        note = Problem(
            None,
            "attendance_pct",
            "Attendance % values were all between 0 and 1, so we read "
            "them as fractions (0.935 = 93.5%).",
        )
        return work.with_columns(pl.col("attendance_pct") * 100), [note]
    return work, []
