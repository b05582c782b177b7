"""Validate a person-level SEND table of strings, vectorised with polars.

Decisions: a file with any error imports nothing (`rows` is then empty). Unknown columns are ignored with a
warning, except near misses of a template column that is absent, which are errors with "did you mean".
Cells that would run as spreadsheet formulas (`sendready.domain.text.FORMULA_STARTS`) are rejected, not
neutralised, so stored data never holds them; exports still keep such text as text.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from sendready.domain.person_level.checks import build_checks
from sendready.domain.person_level.parse import (
    clean,
    empty_typed_frame,
    is_serial_date,
    parse_column,
    parse_fast,
    parse_number_fast,
)
from sendready.domain.person_level.schema import load_schema, normalise_heading

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


def row_numbers(lengths: list[int], first: int) -> pl.Series:
    """Row numbers from `first`, chunked like the columns they go with (`Series.chunk_lengths()`).

    A column chunked differently from the rest makes polars copy every column of the frame into one
    chunk at the next filter or drop: hundreds of MB for a large file.
    """
    parts, start = [], first
    for n in lengths or [0]:
        parts.append(pl.int_range(start, start + n, dtype=pl.Int64, eager=True))
        start += n
    return pl.concat(parts, rechunk=False).alias(ROW_COLUMN)


def aligned(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with every column chunked like its first one.

    Some polars operations (replace_strict, for one) return one chunk; left so, the next expression that
    combines columns makes polars copy the whole frame into single chunks. Only odd columns are copied.
    """
    if frame.width < 2:
        return frame
    lengths = frame.to_series(0).chunk_lengths()
    columns = frame.get_columns()
    if all(s.chunk_lengths() == lengths for s in columns):
        return frame
    out = []
    for s in columns:
        if s.chunk_lengths() != lengths:
            s = s.rechunk()
            offsets = [0]
            for n in lengths:
                offsets.append(offsets[-1] + n)
            s = pl.concat([s.slice(a, b - a) for a, b in zip(offsets, offsets[1:])], rechunk=False)
        out.append(s)
    return pl.DataFrame(out)


def _null_like(lengths: list[int], name: str) -> pl.Series:
    parts = [pl.repeat(None, n, dtype=pl.String, eager=True) for n in lengths or [0]]
    return pl.concat(parts, rechunk=False).alias(name)


def validate(
    df: pl.DataFrame,
    today: date,
    *,
    max_problems: int = MAX_PROBLEMS,
    upn_secret: bytes | None = None,
) -> ValidationResult:
    """Check every row and column of a table of strings; return typed rows only if there is no error.

    With `upn_secret` (the area's key), person IDs that are UPNs are accepted and replaced by their keyed
    hash, the same hash a SEN2 return's persons get, so the two join; without it they are refused."""
    schema = load_schema()
    heading_cols = [c for c in df.columns if c != ROW_COLUMN]
    mapped, errors, warnings = _map_headings(heading_cols)
    if errors:
        return ValidationResult(empty_typed_frame(), errors, warnings, len(errors), len(warnings))
    if df.height == 0:
        problem = Problem(None, None, "The file has a heading row but no rows of data.")
        return ValidationResult(empty_typed_frame(), [problem], warnings, 1, len(warnings))
    by_name = {n: h for h, n in mapped.items()}
    # Columns are taken as they are (no copy), keeping the reader's chunks so nothing is rechunked.
    lengths = (
        df.get_column(by_name[schema.required[0]]) if schema.required else df.to_series(0)
    ).chunk_lengths()
    if ROW_COLUMN in df.columns:
        rows = df.get_column(ROW_COLUMN).cast(pl.Int64)
    else:
        rows = row_numbers(lengths, 2)
    base = pl.DataFrame(
        [rows.alias(ROW_COLUMN)]
        + [
            df.get_column(by_name[c.name]).alias(f"raw__{c.name}")
            if c.name in by_name
            else _null_like(lengths, f"raw__{c.name}")
            for c in schema.columns
        ]
    )
    work = _parse(base)
    del base
    work, notes = _attendance_fractions(work)
    work = aligned(work)
    warnings += notes
    checks = build_checks(today, upn_allowed=upn_secret is not None)
    slow_dates = [c for c in schema.columns if c.type == "date" and work[f"slow__{c.name}"].any()]
    work = work.drop(f"slow__{c.name}" for c in schema.columns if f"slow__{c.name}" in work.columns)
    counts = (
        work.select(
            pl.col(f"raw__{c.name}").pipe(is_serial_date).sum().alias(f"serial__{c.name}")
            for c in slow_dates
        ).row(0, named=True)
        if slow_dates
        else {}
    )
    if serial := sum(v or 0 for v in counts.values()):
        warnings.append(
            Problem(
                None,
                None,
                f"{serial} dates were Excel serial numbers and were read as "
                "dates; check a few of them.",
            )
        )
    # A check with a guard can only fail where its guard holds (a cheap test, usually false on every
    # row), so it is only evaluated when some row passes the guard; the rest go in one parallel select.
    guards = [ch.guard for ch in checks if ch.guard is not None]
    open_guards = (
        work.select(g.fill_null(False).any().alias(str(i)) for i, g in enumerate(guards)).row(0)
        if guards
        else ()
    )
    live, guard_i = [], 0
    for ch in checks:
        if ch.guard is not None:
            live.append(bool(open_guards[guard_i]))
            guard_i += 1
        else:
            live.append(True)
    wanted = [i for i, ch in enumerate(checks) if live[i]]
    hits_row = (
        work.select(checks[i].mask.fill_null(False).sum().alias(str(i)) for i in wanted).row(0)
        if wanted
        else ()
    )
    hits = [0] * len(checks)
    for i, n in zip(wanted, hits_row):
        hits[i] = n
    listed: dict[bool, list[tuple[int, int, Problem]]] = {True: [], False: []}
    totals = {True: 0, False: 0}
    for i, (check, n) in enumerate(zip(checks, hits)):
        if not n:
            continue
        totals[check.error] += n
        # Messages are only formatted for the rows listed (a few rows gathered, not the whole frame).
        first = work.select(
            pl.arg_where(check.mask.fill_null(False)).head(max_problems)
        ).to_series()
        sample = work[first].select(pl.col(ROW_COLUMN), check.message.alias("message"))
        for row, message in sample.iter_rows():
            listed[check.error].append((row, i, Problem(row, check.column, message)))
    found_errors = [p for _, _, p in sorted(listed[True], key=lambda t: t[:2])][:max_problems]
    found_warnings = [p for _, _, p in sorted(listed[False], key=lambda t: t[:2])][:max_problems]
    errors += found_errors
    warnings += found_warnings
    error_count = totals[True]
    warning_count = len(warnings) - len(found_warnings) + totals[False]
    typed = work.select(ROW_COLUMN, *schema.names)
    if upn_secret is not None and not errors:
        from sendready.domain.sen2.pseudonym import hash_upn_person_ids

        typed = typed.with_columns(hash_upn_person_ids(upn_secret, typed.get_column("person_id")))
    return ValidationResult(
        rows=empty_typed_frame() if errors else typed,
        errors=errors,
        warnings=warnings,
        error_count=error_count,
        warning_count=warning_count,
        rows_checked=df.height,
    )


def _parse(base: pl.DataFrame) -> pl.DataFrame:
    """Typed columns: a fast parser for the usual spelling first, the full one only where it is needed.

    Text and date columns are cleaned (spaces stripped, blanks to null) before parsing. Codes, Y/N and
    numbers are first parsed as they came: the fast parsers only accept cells without surrounding spaces
    (exact codes and Y/N values; polars' number parser rejects spaces), so a cell they accept is already
    clean, and a column whose cells are all accepted is used as it is, without a cleaned copy. Cells they
    do not accept ("slow" cells) are cleaned and parsed in full, exactly as before.
    """
    schema = load_schema()
    first: list[pl.Expr] = [pl.col(ROW_COLUMN)]
    for c in schema.columns:
        raw = pl.col(f"raw__{c.name}")
        if c.type in ("string", "date"):
            first.append(clean(f"raw__{c.name}").alias(f"raw__{c.name}"))
        else:
            first.append(raw)
    second: list[pl.Expr] = []
    for c in schema.columns:
        raw = pl.col(f"raw__{c.name}")
        if c.type == "string":
            second.append(raw.alias(c.name))
            continue
        if c.type == "code":
            slow = raw.is_not_null() & ~raw.is_in(list(c.allowed))
        else:
            fast = parse_fast(raw, c) if c.type in ("date", "boolean") else None
            if fast is None:
                fast = parse_number_fast(raw, c)
            second.append(fast.alias(c.name))
            slow = raw.is_not_null() & fast.is_null()
        second.append(slow.alias(f"slow__{c.name}"))
    work = aligned(base.lazy().select(first).with_columns(second).collect())
    typed = [c for c in schema.columns if c.type != "string"]
    any_slow = work.select(pl.col(f"slow__{c.name}").any() for c in typed).row(0)
    slow_columns = [c for c, flag in zip(typed, any_slow) if flag]
    slow_names = {c.name for c in slow_columns}
    # Codes that are all exact are their own typed column (the same memory).
    work = work.with_columns(
        pl.col(f"raw__{c.name}").alias(c.name)
        for c in typed
        if c.type == "code" and c.name not in slow_names
    )
    if slow_columns:
        work = work.with_columns(
            pl.when(pl.col(f"slow__{c.name}"))
            .then(clean(f"raw__{c.name}"))
            .otherwise(pl.col(f"raw__{c.name}"))
            .alias(f"raw__{c.name}")
            for c in slow_columns
            if c.type != "date"
        )
        work = work.with_columns(
            pl.when(pl.col(f"slow__{c.name}"))
            .then(parse_column(pl.col(f"raw__{c.name}"), c))
            .otherwise(pl.col(f"raw__{c.name}") if c.type == "code" else pl.col(c.name))
            .alias(c.name)
            for c in slow_columns
        )
        work = aligned(work)
    work = work.select(
        ROW_COLUMN,
        *(x for c in schema.columns for x in (f"raw__{c.name}", c.name)),
        *(f"slow__{c.name}" for c in schema.columns if c.type == "date"),
    )
    # Looking up each person's first row is costly on a million rows; only do it if someone repeats.
    ids = work["person_id"].drop_nulls()
    if ids.n_unique() < ids.len():
        return aligned(
            work.with_columns(pl.col(ROW_COLUMN).min().over("person_id").alias("_first_row"))
        )
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
