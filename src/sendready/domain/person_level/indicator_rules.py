"""The rules behind each indicator: derived columns and the polars selections that count rows."""

from __future__ import annotations

from datetime import date
from functools import cache

import polars as pl
from dateutil.relativedelta import relativedelta

from sendready.domain.person_level.dfe_rules import (
    PERSISTENT_ABSENCE_AT_MOST,
    dfe_columns,
    dfe_specs,
    last_31_august,
)
from sendready.domain.person_level.parse import age_at, polars_type
from sendready.domain.person_level.rule_spec import SIX_WEEKS_DAYS, TWENTY_WEEKS_DAYS, Spec
from sendready.domain.person_level.schema import load_schema

__all__ = ["SIX_WEEKS_DAYS", "TWENTY_WEEKS_DAYS", "Spec", "derive", "filter_expr", "specs"]
FILTER_COLUMNS = ("primary_need", "phase", "setting_type")
BREAKDOWNS = {
    "by_primary_need": "primary_need",
    "by_age_band": "_age_band",
    "by_phase": "phase",
    "by_setting_type": "setting_type",
}
SOCIAL_CARE_HEALTH = (
    "child_in_need",
    "child_protection",
    "looked_after",
    "early_help",
    "complex_health_needs",
    "dynamic_support_register",
)
STATUS = {"_ehc": "E", "_sen_support": "K", "_no_sen": "N"}


def _year_before(as_of: date) -> date:
    try:
        return as_of.replace(year=as_of.year - 1)
    except ValueError:  # 29 February
        return as_of.replace(year=as_of.year - 1, day=28)


def with_every_column[F: (pl.DataFrame, pl.LazyFrame)](df: F) -> F:
    """The rows with any layout column they lack added as blanks (a snapshot stored before the layout
    gained a column): the rules can then name every column, and figures needing it say so."""
    have = set(df.collect_schema().names())
    missing = [c for c in load_schema().columns if c.name not in have]
    if not missing:
        return df
    return df.with_columns(pl.lit(None, dtype=polars_type(c)).alias(c.name) for c in missing)


def derive[F: (pl.DataFrame, pl.LazyFrame)](df: F, as_of: date) -> F:
    """Add the working columns (prefixed _) the indicator rules use (to a DataFrame or a LazyFrame)."""
    start = _year_before(as_of)
    last_31_aug = last_31_august(as_of)
    age = age_at(pl.col("date_of_birth"), as_of)
    days = (pl.col("final_plan_date") - pl.col("ehcna_request_date")).dt.total_days()
    basis = pl.coalesce("last_annual_review_date", "final_plan_date")
    # Overdue at 12 months for every age: the Code of Practice's 3 to 6 months for under-5s is a
    # "should consider", shown on its own (dfe_rules.py), never counted as overdue.
    due_before = pl.lit(as_of - relativedelta(months=12))
    school_age = age_at(pl.col("date_of_birth"), last_31_aug).is_between(5, 15)
    band = (
        pl.when(age < 5)
        .then(pl.lit("0-4"))
        .when(age < 11)
        .then(pl.lit("5-10"))
        .when(age < 16)
        .then(pl.lit("11-15"))
        .when(age < 20)
        .then(pl.lit("16-19"))
        .otherwise(pl.lit("20-25"))
    )
    return (
        with_every_column(df)
        .with_columns(
            age.alias("_age"),
            band.alias("_age_band"),
            school_age.alias("_school_age"),
            (
                pl.col("final_plan_date").is_between(start, as_of, closed="right")
                & pl.col("ehcna_request_date").is_not_null()
            ).alias("_new_plan"),
            days.alias("_days_to_plan"),
            (
                pl.col("decision_to_assess_date").is_between(start, as_of, closed="right")
                & pl.col("ehcna_request_date").is_not_null()
                # A decision not to assess (when the file says so) is not a decision to assess.
                & pl.col("decision_outcome").ne("not_assess").fill_null(True)
            ).alias("_decision_in_year"),
            (days / 7.0).alias("_weeks_to_plan"),
            pl.col("exception_flag").fill_null(False).alias("_exception"),
            basis.alias("_review_basis"),
            (basis < due_before).alias("_review_overdue"),
            # Missing 10% or more of sessions: attendance of exactly 90% counts, as DfE counts it.
            pl.coalesce(
                "persistent_absence", pl.col("attendance_pct") <= PERSISTENT_ABSENCE_AT_MOST
            ).alias("_pa"),
        )
        .with_columns(dfe_columns(as_of))
    )


def filter_expr(filters: dict[str, list[str]]) -> pl.Expr:
    """Rows matching every filter (need, phase, setting type); unknown keys raise KeyError."""
    expr = pl.lit(True)
    for key, values in filters.items():
        if key not in FILTER_COLUMNS:
            raise KeyError(f"Cannot filter by {key!r}; use one of {', '.join(FILTER_COLUMNS)}")
        expr = expr & pl.col(key).is_in(list(values))
    return expr


@cache
def specs() -> tuple[Spec, ...]:
    """Every indicator rule, in display order."""
    c = pl.col
    e, k = c("sen_status").eq("E"), c("sen_status").eq("K")
    new, exc = c("_new_plan"), c("_exception")
    new_ex = new & ~exc
    within = c("_days_to_plan") <= TWENTY_WEEKS_DAYS
    decision_days = (c("decision_to_assess_date") - c("ehcna_request_date")).dt.total_days()
    out: list[Spec] = [
        Spec("rows", "count", pl.int_range(pl.len()) >= 0),
        Spec("ehc_plans", "count", e),
        Spec("sen_support", "count", k),
        Spec("ehc_new_plans", "count", new, period="rolling"),
        Spec("ehc_within_20_weeks_pct", "pct", within, new_ex, period="rolling"),
        Spec("ehc_within_20_weeks_incl_exceptions_pct", "pct", within, new, period="rolling"),
        Spec("ehc_mean_weeks", "mean", new_ex, value=c("_weeks_to_plan"), period="rolling"),
        Spec("ehc_over_1_year_pct", "pct", c("_days_to_plan") > 365, new_ex, period="rolling"),
        Spec(
            "ehc_decision_within_6_weeks_pct",
            "pct",
            decision_days <= SIX_WEEKS_DAYS,
            c("_decision_in_year"),
            period="rolling",
        ),
        Spec("annual_reviews_overdue", "count", e & c("_review_overdue")),
        Spec(
            "annual_reviews_overdue_pct",
            "pct",
            c("_review_overdue"),
            e & c("_review_basis").is_not_null(),
        ),
        Spec("annual_reviews_unknown", "count", e & c("_review_basis").is_null()),
    ]
    for suffix, who in (("", pl.lit(True)), ("_ehc", e), ("_sen_support", k)):
        out.append(
            Spec(
                f"persistent_absence{suffix}_pct",
                "pct",
                c("_pa"),
                who & c("_school_age") & c("_pa").is_not_null(),
            )
        )
    for suffix, who in (("_ehc", e), ("_sen_support", k)):
        out += [
            Spec(f"suspended_pupils{suffix}", "count", who & (c("suspensions") > 0)),
            Spec(
                f"suspended_pupils{suffix}_pct",
                "pct",
                c("suspensions") > 0,
                who & c("suspensions").is_not_null(),
            ),
            Spec(
                f"suspensions{suffix}", "sum", who & (c("suspensions") > 0), value=c("suspensions")
            ),
            Spec(f"permanent_exclusions{suffix}", "count", who & c("permanent_exclusion")),
        ]
    young_adult = c("_age").is_between(16, 25)
    out += [
        Spec("neet", "count", young_adult & c("neet")),
        Spec("neet_pct", "pct", c("neet"), young_adult & c("neet").is_not_null()),
        Spec("elective_home_education", "count", c("elective_home_education")),
        Spec("children_missing_education", "count", c("children_missing_education")),
        Spec(
            "alternative_provision",
            "count",
            c("alternative_provision").is_in(["registered", "unregistered"]),
        ),
        Spec(
            "alternative_provision_unregistered",
            "count",
            c("alternative_provision").eq("unregistered"),
        ),
        Spec("placed_out_of_area", "count", c("placed_out_of_area")),
        Spec("placed_out_of_area_ehc_pct", "pct", c("placed_out_of_area").fill_null(False), e),
    ]
    for flag in SOCIAL_CARE_HEALTH:
        for suffix, code in STATUS.items():
            out.append(Spec(f"{flag}{suffix}", "count", c("sen_status").eq(code) & c(flag)))
    return tuple(out + dfe_specs())
