"""The cohort lists inspectors ask for in focused sampling (data/cohorts.json), narrowed by any of the
dashboard's filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

import polars as pl

from sendready.domain.cases.groups import CasesDataError, load_groups, load_json, with_features
from sendready.domain.person_level.indicator_rules import filter_expr
from sendready.domain.person_level.schema import load_schema


@dataclass(frozen=True)
class Cohort:
    key: str
    title: str
    group: str
    columns: tuple[str, ...]


@cache
def list_cohorts() -> tuple[Cohort, ...]:
    """Every cohort list, in the order inspectors usually ask for them."""
    names = set(load_schema().names)
    out = []
    for raw in load_json("cohorts.json")["cohorts"]:
        if raw["group"] not in load_groups():
            raise CasesDataError(f"cohort {raw['key']}: unknown group {raw['group']!r}")
        unknown = [c for c in raw["columns"] if c not in names]
        if unknown:
            raise CasesDataError(f"cohort {raw['key']}: unknown columns {unknown}")
        out.append(Cohort(raw["key"], raw["title"], raw["group"], tuple(raw["columns"])))
    return tuple(out)


def get_cohort(key: str) -> Cohort:
    """The cohort by key; KeyError if there is none."""
    for cohort in list_cohorts():
        if cohort.key == key:
            return cohort
    raise KeyError(key)


def _matching(
    frame: pl.DataFrame, as_of: date, filters: dict[str, list[str]] | None
) -> pl.DataFrame:
    data = with_features(frame, as_of)
    wanted = {k: list(v) for k, v in (filters or {}).items() if v}
    return data.filter(filter_expr(wanted)) if wanted else data


def cohort_counts(
    frame: pl.DataFrame, as_of: date, filters: dict[str, list[str]] | None = None
) -> dict[str, dict[str, int]]:
    """For each cohort: everyone in it, and how many have an EHC plan or are on SEN support."""
    data = _matching(frame, as_of, filters)
    out = {}
    for cohort in list_cohorts():
        g = pl.col(f"g__{cohort.group}")
        row = data.select(
            g.sum().alias("total"),
            (g & pl.col("sen_status").eq("E")).sum().alias("ehc_plan"),
            (g & pl.col("sen_status").eq("K")).sum().alias("sen_support"),
        ).row(0, named=True)
        out[cohort.key] = {k: int(v or 0) for k, v in row.items()}
    return out


def cohort_rows(
    frame: pl.DataFrame,
    as_of: date,
    cohort: Cohort,
    filters: dict[str, list[str]] | None = None,
) -> pl.DataFrame:
    """The people in the cohort, with its key columns and their age, ordered by person id."""
    data = _matching(frame, as_of, filters).filter(pl.col(f"g__{cohort.group}"))
    columns = list(cohort.columns)
    return (
        data.select(*columns, pl.col("_age").alias("age"))
        .sort("person_id")
        .select(columns[:2] + ["age"] + columns[2:])
    )
