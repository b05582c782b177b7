"""Rows in our person-level layout from a SEN2 return, alone or joined with our own layout's rows.

One row per person, with the columns SEN2 can fill: date of birth, sex, ethnicity, EHC plan status, primary
need (rank 1 of the current plan), the current placement's URN and kind of setting, the latest request's
dates, its plan's start date and 20-week exception flag, and the last annual review. A person counts as
having a plan when SEN2 lists an active plan for them or a named plan that had not ceased by the reference
date. When both sources are given they are joined on the hashed person: SEN2's columns come from SEN2,
every other column from our layout, and people only in our layout (SEN support, say) are kept as they are.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

import polars as pl

from sendready.domain.person_level.parse import empty_typed_frame
from sendready.domain.person_level.schema import load_schema
from sendready.domain.sen2.tables import Sen2Tables

Source = Literal["sen2", "layout", "both"]

# SEN2's setting codes (items 4.7c / 5.7c) in our layout's setting_type; a URN alone says too little.
SETTING_TYPES = {
    "OLA": "education_otherwise",
    "OPA": "other",
    "EHE": "home_education",
    "EYP": "early_years",
    "OTH": "other",
    "NEET": "not_in_education",
    "NIEC": "not_in_education",
    "NIEO": "not_in_education",
}
# Returns before v1.2 of the specification gave gender as a number instead of sex as a letter.
GENDER = {"1": "M", "2": "F", "0": "U", "9": "U"}
# Down syndrome (DS) is a SEN2 need our layout does not list: it is counted as other difficulty there.
NEED_CODES = {"DS": "OTH"}
SEN2_COLUMNS = (
    "date_of_birth",
    "sex",
    "ethnicity",
    "sen_status",
    "primary_need",
    "setting_type",
    "setting_urn",
    "ehcna_request_date",
    "decision_to_assess_date",
    "decision_outcome",
    "final_plan_date",
    "transfer_in",
    "exception_flag",
    "last_annual_review_date",
)


# SEN2's request outcome (item 2.4) as our layout's decision_outcome.
DECISION_OUTCOMES = {"A": "assess", "H": "not_assess"}


def rows_from_sen2(tables: Sen2Tables, as_at: date) -> pl.DataFrame:
    """Our layout's rows (typed) for every person in the return."""
    f = tables.frames
    persons = f["persons"].lazy()
    latest_request = (
        f["requests"]
        .lazy()
        .sort("received_date", "request_no", nulls_last=False)
        .group_by("person_no")
        .last()
        .select(
            "person_no", "request_no", "received_date", "request_outcome", "request_outcome_date"
        )
    )
    assessment = (
        f["assessments"]
        .lazy()
        .sort("assessment_no")
        .group_by("request_no")
        .last()
        .select("request_no", "assessment_no", "week20_exception")
    )
    plan_of_assessment = (
        f["plans"]
        .lazy()
        .sort("start_date")
        .group_by("assessment_no")
        .last()
        .select("assessment_no", "start_date")
    )
    open_plans = (
        f["plans"]
        .lazy()
        .filter(pl.col("cease_date").is_null() | (pl.col("cease_date") > as_at))
        .select("person_no")
        .unique()
    )
    active = f["active_plans"].lazy()
    with_active = active.select("person_no").unique()
    last_review = active.group_by("person_no").agg(
        pl.col("last_review").max(),
        # SEN2 item 5.1 names the authority a plan was transferred in from; blank means none.
        (pl.col("transfer_la").fill_null("").str.strip_chars() != "").any().alias("transfer_in"),
    )
    need = (
        f["needs"]
        .lazy()
        .filter(pl.col("sen_type_rank") == 1)
        .sort("active_plan_no")
        .group_by("person_no")
        .last()
        .select("person_no", pl.col("sen_type").replace(NEED_CODES).alias("primary_need"))
    )
    placement = (
        f["placements"]
        .lazy()
        .filter(pl.col("leaving_date").is_null() | (pl.col("leaving_date") > as_at))
        # the file's order breaks ties (same rank and entry date), so the same return gives the same row
        .sort(
            "placement_rank",
            "entry_date",
            "placement_no",
            descending=[True, False, False],
            nulls_last=False,
        )
        .group_by("person_no")
        .last()
        .select(
            "person_no",
            pl.col("urn").alias("setting_urn"),
            pl.when(pl.col("resourced_provision") | pl.col("sen_unit"))
            .then(pl.lit("resourced_provision"))
            .otherwise(pl.col("sen_setting").replace_strict(SETTING_TYPES, default=None))
            .alias("setting_type"),
        )
    )
    has_plan = pl.col("_open").is_not_null() | pl.col("_active").is_not_null()
    rows = (
        persons.join(latest_request, on="person_no", how="left")
        .join(assessment, on="request_no", how="left")
        .join(plan_of_assessment, on="assessment_no", how="left")
        .join(open_plans.with_columns(pl.lit(True).alias("_open")), on="person_no", how="left")
        .join(with_active.with_columns(pl.lit(True).alias("_active")), on="person_no", how="left")
        .join(last_review, on="person_no", how="left")
        .join(need, on="person_no", how="left")
        .join(placement, on="person_no", how="left")
        .select(
            "person_id",
            "date_of_birth",
            pl.coalesce(
                pl.col("sex"), pl.col("gender_current").replace_strict(GENDER, default=None)
            ).alias("sex"),
            pl.when(pl.col("ethnicity").is_in(list(load_schema()["ethnicity"].allowed)))
            .then(pl.col("ethnicity"))
            .alias("ethnicity"),
            pl.when(has_plan).then(pl.lit("E")).otherwise(pl.lit("N")).alias("sen_status"),
            pl.when(has_plan).then(pl.col("primary_need")).alias("primary_need"),
            "setting_type",
            "setting_urn",
            pl.col("received_date").alias("ehcna_request_date"),
            # A decision either way (A: assess, H: not to assess) is dated; W (withdrawn) is none.
            pl.when(pl.col("request_outcome").is_in(["A", "H"]))
            .then(pl.col("request_outcome_date"))
            .alias("decision_to_assess_date"),
            pl.col("request_outcome")
            .replace_strict(DECISION_OUTCOMES, default=None)
            .alias("decision_outcome"),
            pl.col("start_date").alias("final_plan_date"),
            pl.col("week20_exception").alias("exception_flag"),
            pl.col("last_review").alias("last_annual_review_date"),
            pl.col("transfer_in"),
        )
        .collect()
    )
    return _in_layout(rows)


def _in_layout(rows: pl.DataFrame) -> pl.DataFrame:
    """Every layout column in its type, nulls where SEN2 says nothing; `_source_row` numbers the people."""
    template = empty_typed_frame()
    present = set(rows.columns)
    return rows.select(
        [
            pl.int_range(2, pl.len() + 2, dtype=pl.Int64).alias("_source_row")
            if name == "_source_row"
            else (pl.col(name) if name in present else pl.lit(None)).cast(dtype).alias(name)
            for name, dtype in template.schema.items()
        ]
    )


def combine(sen2_rows: pl.DataFrame, layout_rows: pl.DataFrame) -> pl.DataFrame:
    """Both sources joined on person_id: SEN2's columns from SEN2, the rest from our layout."""
    columns = list(empty_typed_frame().columns)
    others = [c for c in columns if c not in SEN2_COLUMNS and c not in ("person_id", "_source_row")]
    joined = sen2_rows.join(
        layout_rows.select("person_id", *others), on="person_id", how="left", suffix="_layout"
    ).select(columns)
    only_layout = layout_rows.join(
        sen2_rows.select("person_id"), on="person_id", how="anti"
    ).select(columns)
    both = pl.concat([joined, only_layout])
    return both.with_columns(pl.int_range(2, pl.len() + 2, dtype=pl.Int64).alias("_source_row"))
