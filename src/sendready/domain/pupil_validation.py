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

from sendready.domain.pupil_parse import (
    FORMULA_PATTERN,
    age_at,
    clean,
    empty_typed_frame,
    is_serial_date,
    parse_column,
)
from sendready.domain.pupil_schema import load_schema, normalise_heading

ROW_COLUMN = "_source_row"
MAX_PROBLEMS = 1000
MAX_AGE = 25
_UPN = r"^[A-Z][0-9]{11}[0-9A-Z]$"
_NHS = r"^[0-9]{3} ?[0-9]{3} ?[0-9]{4}$"


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


@dataclass
class _Check:
    column: str | None
    mask: pl.Expr
    message: pl.Expr
    error: bool = True


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
            errors.append(Problem(1, heading, f"Columns '{first}' and '{heading}' are both "
                                  f"'{schema[name].title}'. Keep one of them."))
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
            errors.append(Problem(1, heading, f"Column '{heading}' is not recognised. Did you mean "
                                  f"'{col.name}' ({col.title})?"))
        else:
            warnings.append(Problem(1, heading, f"Column '{heading}' is not in the template and was "
                                    "ignored."))
    for name in schema.required:
        if name not in mapped.values() and name not in claimed:
            col = schema[name]
            errors.append(Problem(1, name, f"The file has no '{name}' column ({col.title}). It is "
                                  "required."))
    return mapped, errors, warnings


def _lower(title: str) -> str:
    """Lower-case a title's first word unless it is an acronym (EHC, SEN)."""
    first = title.split(" ", 1)[0]
    return title if first.isupper() else title[0].lower() + title[1:]


def _value(raw: pl.Expr) -> pl.Expr:
    return raw.str.slice(0, 40)


def _checks(today: date) -> list[_Check]:
    schema = load_schema()
    checks: list[_Check] = []
    raw = {c.name: pl.col(f"raw__{c.name}") for c in schema.columns}
    typed = {c.name: pl.col(c.name) for c in schema.columns}
    for c in schema.columns:
        r, t = raw[c.name], typed[c.name]
        formula = r.str.contains(FORMULA_PATTERN) & t.is_null()
        if c.type == "string":
            formula = r.str.contains(FORMULA_PATTERN)
        checks.append(_Check(c.name, formula, pl.format(
            "'{}' starts with a character that spreadsheets run as a formula. Remove it.", _value(r))))
        if c.required:
            checks.append(_Check(c.name, r.is_null(), pl.lit(f"{c.title} is blank. It is required.")))
        bad = r.is_not_null() & t.is_null() & ~formula
        hint = {
            "date": "Use a date such as 2014-09-23 or 23/09/2014.",
            "boolean": "Use Y or N.",
            "integer": "Use a whole number.",
            "decimal": "Use a number.",
            "code": "Use one of: " + ", ".join(c.allowed) + ".",
        }.get(c.type)
        if hint:
            checks.append(_Check(c.name, bad, pl.format(f"'{{}}' is not a valid {_lower(c.title)}. "
                                                        f"{hint}", _value(r))))
        if c.minimum is not None and c.maximum is not None:
            checks.append(_Check(c.name, ~t.is_between(c.minimum, c.maximum), pl.format(
                f"{{}} is outside the range {c.minimum:g} to {c.maximum:g}.", _value(r))))
        if c.pattern:
            checks.append(_Check(c.name, t.is_not_null() & ~t.str.contains(c.pattern) & ~formula,
                                 pl.format(f"'{{}}' is not a valid {c.title}: use 6 digits.", _value(r))))
        if c.max_length:
            checks.append(_Check(c.name, t.str.len_chars() > c.max_length, pl.lit(
                f"{c.title} is longer than {c.max_length} characters.")))
        if c.type == "date":
            checks.append(_Check(c.name, t > today, pl.format(
                f"{c.title} {{}} is in the future.", t.cast(pl.String))))
        for other, codes in c.required_when.items():
            checks.append(_Check(c.name, r.is_null() & typed[other].is_in(list(codes)), pl.format(
                f"{c.title} is blank. It is required when {schema[other].title} is {{}}.", typed[other])))
    pid, dob = typed["person_id"], typed["date_of_birth"]
    checks += [
        _Check("person_id", pid.str.contains(_UPN) | pid.str.contains(_NHS), pl.lit(
            "Person ID looks like a UPN or NHS number. Use a pseudonymous ID instead.")),
        _Check("person_id", pid.is_not_null() & pl.col(ROW_COLUMN).ne(pl.col("_first_row")), pl.format(
            "Person ID {} also appears on row {}. Each person must appear once.", pid,
            pl.col("_first_row"))),
        _Check("date_of_birth", age_at(dob, today) > MAX_AGE, pl.format(
            "Date of birth {} makes this person {} years old. The file covers ages 0 to 25.",
            dob.cast(pl.String), age_at(dob, today))),
    ]
    events = ["ehcna_request_date", "decision_to_assess_date", "final_plan_date", "last_annual_review_date"]
    for name in events:
        checks.append(_Check(name, typed[name] < dob, pl.format(
            f"{schema[name].title} {{}} is before the date of birth {{}}.", typed[name].cast(pl.String),
            dob.cast(pl.String))))
    order = [("decision_to_assess_date", "ehcna_request_date"), ("final_plan_date", "ehcna_request_date"),
             ("final_plan_date", "decision_to_assess_date")]
    for later, earlier in order:
        checks.append(_Check(later, typed[later] < typed[earlier], pl.format(
            f"{schema[later].title} {{}} is before the {_lower(schema[earlier].title)} {{}}.",
            typed[later].cast(pl.String), typed[earlier].cast(pl.String))))
    status = typed["sen_status"]
    checks += [
        _Check("primary_need", status.eq("N") & typed["primary_need"].is_not_null(), pl.lit(
            "Primary need is given but SEN status is N; it will be kept but check the SEN status."), False),
        _Check("primary_need", status.eq("E") & typed["primary_need"].eq("NSA"), pl.lit(
            "NSA (no specialist assessment) is only used for SEN support, not EHC plans."), False),
        _Check("final_plan_date", status.ne("E") & typed["final_plan_date"].is_not_null(), pl.format(
            "There is a final plan date but SEN status is {}: has the plan ceased?", status), False),
        _Check("neet", typed["neet"] & (age_at(dob, today) < 16), pl.lit(
            "NEET is Y but the person is under 16."), False),
    ]
    return checks


def validate(df: pl.DataFrame, today: date, *, max_problems: int = MAX_PROBLEMS) -> ValidationResult:
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
        (clean(by_name[c.name]) if c.name in by_name else pl.lit(None, pl.String)).alias(f"raw__{c.name}")
        for c in schema.columns
    ]
    work = df.lazy().select(rows.cast(pl.Int64).alias(ROW_COLUMN), *raws).with_columns(
        parse_column(pl.col(f"raw__{c.name}"), c).alias(c.name) for c in schema.columns
    )
    work = work.with_columns(pl.col(ROW_COLUMN).min().over("person_id").alias("_first_row"))
    work, notes = _attendance_fractions(work.collect())
    warnings += notes
    checks = _checks(today)
    counts = work.select(
        pl.col(f"raw__{c.name}").pipe(is_serial_date).sum().alias(f"serial__{c.name}")
        for c in schema.columns if c.type == "date"
    ).row(0, named=True)
    if serial := sum(v or 0 for v in counts.values()):
        warnings.append(Problem(None, None, f"{serial} dates were Excel serial numbers and were read as "
                                "dates; check a few of them."))
    hits = work.select(pl.col(ROW_COLUMN).filter(ch.mask.fill_null(False)).len().alias(str(i))
                       for i, ch in enumerate(checks)).row(0)
    listed: dict[bool, list[tuple[int, int, Problem]]] = {True: [], False: []}
    totals = {True: 0, False: 0}
    for i, (check, n) in enumerate(zip(checks, hits)):
        if not n:
            continue
        totals[check.error] += n
        sample = work.filter(check.mask.fill_null(False)).head(max_problems).select(
            pl.col(ROW_COLUMN), check.message.alias("message"))
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
        rows=empty_typed_frame() if errors else typed, errors=errors, warnings=warnings,
        error_count=error_count, warning_count=warning_count, rows_checked=df.height,
    )


def _attendance_fractions(work: pl.DataFrame) -> tuple[pl.DataFrame, list[Problem]]:
    """Excel percentage cells arrive as fractions (0.935): scale the column if every value is <= 1."""
    values = work["attendance_pct"].drop_nulls()
    if values.len() >= 10 and values.max() <= 1.0 and values.min() >= 0.0:  # type: ignore[operator]
        note = Problem(None, "attendance_pct", "Attendance % values were all between 0 and 1, so we read "
                       "them as fractions (0.935 = 93.5%).")
        return work.with_columns(pl.col("attendance_pct") * 100), [note]
    return work, []
