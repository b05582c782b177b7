"""The figures as DfE counts them, beside our own (indicator_rules.py), and the dates they cover.

DfE publishes EHC plan timeliness and request decisions for calendar years (SEN2), persistent and severe
absence as 10% and 50% of sessions missed, and NEET for young people of academic age 16 and 17 with
"not known" counted alongside NEET. Each rule here says which optional columns it needs (a file without
them gets "not in this file", never a wrong figure). The under-5 review figure follows the SEND Code of
Practice (9.178: local authorities "should consider" reviewing under-5s' plans every 3 to 6 months): it
is shown on its own and never counted as an overdue review.
"""

from __future__ import annotations

from datetime import date

import polars as pl
from dateutil.relativedelta import relativedelta

from sendready.domain.person_level.parse import age_at
from sendready.domain.person_level.rule_spec import SIX_WEEKS_DAYS, TWENTY_WEEKS_DAYS, Spec

SEVERE_ABSENCE_AT_MOST = 50.0  # attendance of 50% or less: missed 50% or more of sessions
PERSISTENT_ABSENCE_AT_MOST = 90.0  # attendance of 90% or less: missed 10% or more
DECIDED = ("assess", "not_assess")


def dfe_year(as_of: date) -> int:
    """DfE's latest whole calendar year at `as_of`: the year before, unless `as_of` is 31 December."""
    return as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1


def last_31_august(as_of: date) -> date:
    """The 31 August on or before `as_of`: ages on it are school years' (academic) ages."""
    return date(as_of.year if (as_of.month, as_of.day) >= (8, 31) else as_of.year - 1, 8, 31)


def period_text(period: str, as_of: date) -> str:
    """The dates a figure covers, in words."""
    if period == "calendar":
        return f"calendar year {dfe_year(as_of)}"
    if period == "rolling":
        return f"12 months to {as_of.day} {as_of:%B %Y}"
    return ""


def dfe_columns(as_of: date) -> list[pl.Expr]:
    """Working columns for DfE's rules (over the typed columns and _age, _review_basis from derive)."""
    year = dfe_year(as_of)
    first, last = date(year, 1, 1), date(year, 12, 31)
    c = pl.col
    transfer = c("transfer_in").fill_null(False)
    return [
        (
            c("final_plan_date").is_between(first, last)
            & c("ehcna_request_date").is_not_null()
            & ~transfer
        ).alias("_dfe_new_plan"),
        (
            c("ehcna_request_date").is_between(first, last)
            & c("decision_to_assess_date").is_not_null()
            & c("decision_outcome").is_in(list(DECIDED))
        ).alias("_dfe_decided"),
        age_at(c("date_of_birth"), last_31_august(as_of)).alias("_academic_age"),
        (c("attendance_pct") <= SEVERE_ABSENCE_AT_MOST).alias("_severe"),
        ((c("_age") < 5) & (c("_review_basis") < pl.lit(as_of - relativedelta(months=6)))).alias(
            "_under_5_review_due"
        ),
    ]


def dfe_specs() -> list[Spec]:
    """DfE's figures (and the Code of Practice's under-5 reviews), in display order."""
    c = pl.col
    e, k = c("sen_status").eq("E"), c("sen_status").eq("K")
    new, exc = c("_dfe_new_plan"), c("exception_flag").fill_null(False)
    days = (c("final_plan_date") - c("ehcna_request_date")).dt.total_days()
    decision_days = (c("decision_to_assess_date") - c("ehcna_request_date")).dt.total_days()
    plans = ("transfer_in",)
    out = [
        Spec("ehc_new_plans_dfe", "count", new, needs=plans, period="calendar"),
        Spec(
            "ehc_within_20_weeks_dfe_pct",
            "pct",
            days <= TWENTY_WEEKS_DAYS,
            new & ~exc,
            needs=(*plans, "exception_flag"),
            period="calendar",
        ),
        Spec(
            "ehc_within_20_weeks_incl_exceptions_dfe_pct",
            "pct",
            days <= TWENTY_WEEKS_DAYS,
            new,
            needs=plans,
            period="calendar",
        ),
        Spec(
            "ehc_decision_within_6_weeks_dfe_pct",
            "pct",
            decision_days <= SIX_WEEKS_DAYS,
            c("_dfe_decided"),
            needs=("decision_outcome",),
            period="calendar",
        ),
        Spec(
            "under_5_reviews_over_6_months",
            "count",
            e & c("_under_5_review_due"),
        ),
        Spec(
            "under_5_reviews_over_6_months_pct",
            "pct",
            c("_under_5_review_due"),
            e & (c("_age") < 5) & c("_review_basis").is_not_null(),
        ),
    ]
    for suffix, who in (("", pl.lit(True)), ("_ehc", e), ("_sen_support", k)):
        out.append(
            Spec(
                f"severe_absence{suffix}_pct",
                "pct",
                c("_severe"),
                who & c("_school_age") & c("attendance_pct").is_not_null(),
                needs=("attendance_pct",),
            )
        )
    young = c("_academic_age").is_between(16, 17)
    neet_or_unknown = c("neet").fill_null(True)
    out += [
        Spec("neet_or_not_known_16_17", "count", young & neet_or_unknown, needs=("neet",)),
        Spec("neet_or_not_known_16_17_pct", "pct", neet_or_unknown, young, needs=("neet",)),
    ]
    return out
