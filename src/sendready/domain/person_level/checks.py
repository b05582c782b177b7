"""The row checks behind validation.py: one boolean mask and one message expression per check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from sendready.domain.person_level.parse import age_at
from sendready.domain.person_level.schema import load_schema
from sendready.domain.text import FORMULA_PATTERN

ROW_COLUMN = "_source_row"
MAX_AGE = 25
_UPN = r"^[A-Z][0-9]{11}[0-9A-Z]$"
_NHS = r"^[0-9]{3} ?[0-9]{3} ?[0-9]{4}$"


@dataclass
class Check:
    """A mask of failing rows, its message, and whether it is an error or a warning.

    `guard`, when given, is a cheap expression true wherever `mask` can be true (and usually nowhere):
    validation skips evaluating `mask` when no row passes the guard. It never changes what is reported.
    """

    column: str | None
    mask: pl.Expr
    message: pl.Expr
    error: bool = True
    guard: pl.Expr | None = None


def _lower(title: str) -> str:
    """Lower-case a title's first word unless it is an acronym (EHC, SEN)."""
    first = title.split(" ", 1)[0]
    return title if first.isupper() else title[0].lower() + title[1:]


def _value(raw: pl.Expr) -> pl.Expr:
    return raw.str.slice(0, 40)


def build_checks(today: date, *, upn_allowed: bool = False) -> list[Check]:
    """Every row-level check, for a frame holding raw__<name> strings and typed <name> columns.

    `upn_allowed`: person IDs may be UPNs, because the caller replaces them with their keyed hash (as a
    SEN2 return's are) before anything is stored; NHS numbers are refused either way."""
    schema = load_schema()
    checks: list[Check] = []
    raw = {c.name: pl.col(f"raw__{c.name}") for c in schema.columns}
    typed = {c.name: pl.col(c.name) for c in schema.columns}
    for c in schema.columns:
        r, t = raw[c.name], typed[c.name]
        formula = r.str.contains(FORMULA_PATTERN) & t.is_null()
        # Typed columns: a cell can only be a formula or invalid where it did not parse.
        unparsed: pl.Expr | None = r.is_not_null() & t.is_null()
        if c.type == "string":
            formula = r.str.contains(FORMULA_PATTERN)
            unparsed = None
        checks.append(
            Check(
                c.name,
                formula,
                pl.format(
                    "'{}' starts with a character that spreadsheets run as a formula. Remove it.",
                    _value(r),
                ),
                guard=unparsed,
            )
        )
        if c.required:
            checks.append(
                Check(c.name, r.is_null(), pl.lit(f"{c.title} is blank. It is required."))
            )
        bad = r.is_not_null() & t.is_null() & ~formula
        hint = {
            "date": "Use a date such as 2014-09-23 or 23/09/2014.",
            "boolean": "Use Y or N.",
            "integer": "Use a whole number.",
            "decimal": "Use a number.",
            "code": "Use one of: " + ", ".join(c.allowed) + ".",
        }.get(c.type)
        if hint:
            checks.append(
                Check(
                    c.name,
                    bad,
                    pl.format(f"'{{}}' is not a valid {_lower(c.title)}. {hint}", _value(r)),
                    guard=unparsed,
                )
            )
        if c.minimum is not None and c.maximum is not None:
            checks.append(
                Check(
                    c.name,
                    ~t.is_between(c.minimum, c.maximum),
                    pl.format(
                        f"{{}} is outside the range {c.minimum:g} to {c.maximum:g}.", _value(r)
                    ),
                )
            )
        if c.pattern:
            checks.append(
                Check(
                    c.name,
                    t.is_not_null() & ~t.str.contains(c.pattern) & ~formula,
                    pl.format(f"'{{}}' is not a valid {c.title}: use 6 digits.", _value(r)),
                )
            )
        if c.max_length:
            checks.append(
                Check(
                    c.name,
                    t.str.len_chars() > c.max_length,
                    pl.lit(f"{c.title} is longer than {c.max_length} characters."),
                )
            )
        if c.type == "date":
            checks.append(
                Check(
                    c.name,
                    t > today,
                    pl.format(f"{c.title} {{}} is in the future.", t.cast(pl.String)),
                )
            )
        for other, codes in c.required_when.items():
            checks.append(
                Check(
                    c.name,
                    r.is_null() & typed[other].is_in(list(codes)),
                    pl.format(
                        f"{c.title} is blank. It is required when {schema[other].title} is {{}}.",
                        typed[other],
                    ),
                )
            )
    pid, dob = typed["person_id"], typed["date_of_birth"]
    checks += [
        Check(
            "person_id",
            pid.str.contains(_NHS)
            if upn_allowed
            else pid.str.contains(_UPN) | pid.str.contains(_NHS),
            pl.lit(
                "Person ID looks like an NHS number. Use a pseudonymous ID or the UPN instead."
                if upn_allowed
                else "Person ID looks like a UPN or NHS number. Use a pseudonymous ID instead."
            ),
        ),
        Check(
            "person_id",
            pid.is_not_null() & pl.col(ROW_COLUMN).ne(pl.col("_first_row")),
            pl.format(
                "Person ID {} also appears on row {}. Each person must appear once.",
                pid,
                pl.col("_first_row"),
            ),
        ),
        Check(
            "date_of_birth",
            age_at(dob, today) > MAX_AGE,
            pl.format(
                "Date of birth {} makes this person {} years old. The file covers ages 0 to 25.",
                dob.cast(pl.String),
                age_at(dob, today),
            ),
        ),
    ]
    events = [
        "ehcna_request_date",
        "decision_to_assess_date",
        "final_plan_date",
        "last_annual_review_date",
    ]
    for name in events:
        checks.append(
            Check(
                name,
                typed[name] < dob,
                pl.format(
                    f"{schema[name].title} {{}} is before the date of birth {{}}.",
                    typed[name].cast(pl.String),
                    dob.cast(pl.String),
                ),
            )
        )
    order = [
        ("decision_to_assess_date", "ehcna_request_date"),
        ("final_plan_date", "ehcna_request_date"),
        ("final_plan_date", "decision_to_assess_date"),
    ]
    for later, earlier in order:
        checks.append(
            Check(
                later,
                typed[later] < typed[earlier],
                pl.format(
                    f"{schema[later].title} {{}} is before the {_lower(schema[earlier].title)} {{}}.",
                    typed[later].cast(pl.String),
                    typed[earlier].cast(pl.String),
                ),
            )
        )
    status = typed["sen_status"]
    checks += [
        Check(
            "decision_outcome",
            typed["decision_outcome"].is_not_null() & typed["decision_to_assess_date"].is_null(),
            pl.format(
                "Decision outcome is {} but there is no decision date. Give the date of the "
                "decision in 'decision_to_assess_date'.",
                typed["decision_outcome"],
            ),
        ),
        Check(
            "decision_outcome",
            typed["decision_outcome"].eq("not_assess") & typed["final_plan_date"].is_not_null(),
            pl.lit(
                "Decision outcome is not_assess but there is a final plan date: check which "
                "request the decision was on."
            ),
            False,
        ),
        Check(
            "primary_need",
            status.eq("N") & typed["primary_need"].is_not_null(),
            pl.lit(
                "Primary need is given but SEN status is N; it will be kept but check the SEN status."
            ),
            False,
        ),
        Check(
            "primary_need",
            status.eq("E") & typed["primary_need"].eq("NSA"),
            pl.lit("NSA (no specialist assessment) is only used for SEN support, not EHC plans."),
            False,
        ),
        Check(
            "final_plan_date",
            status.ne("E") & typed["final_plan_date"].is_not_null(),
            pl.format(
                "There is a final plan date but SEN status is {}: has the plan ceased?", status
            ),
            False,
        ),
        Check(
            "neet",
            typed["neet"] & (age_at(dob, today) < 16),
            pl.lit("NEET is Y but the person is under 16."),
            False,
        ),
    ]
    return checks
