"""Groups of children and young people (looked after, alternative provision, ...) as data, and the
working columns a sample or a cohort list is chosen from."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import polars as pl

from sendready.domain.person_level.parse import age_at

AGE_BANDS = (
    (0, 4, "0-4"),
    (5, 10, "5-10"),
    (11, 15, "11-15"),
    (16, 19, "16-19"),
    (20, 25, "20-25"),
)
STATUS_GROUPS = {"E": "ehc_plan", "K": "sen_support"}


class CasesDataError(ValueError):
    """A data file beside this module says something the code cannot use."""


@dataclass(frozen=True)
class CaseGroup:
    key: str
    label: str
    expr: pl.Expr

    @property
    def column(self) -> str:
        return f"g__{self.key}"


def load_json(name: str) -> dict[str, Any]:
    """A data file beside this module."""
    return json.loads(resources.files("sendready.domain.cases").joinpath("data", name).read_text())


def _condition(raw: dict[str, Any], where: str) -> pl.Expr:
    column = pl.col(raw["column"])
    if "is" in raw:
        return column.eq(bool(raw["is"])).fill_null(False)
    if "in" in raw:
        return column.is_in(list(raw["in"])).fill_null(False)
    if "at_least" in raw:
        return (column >= raw["at_least"]).fill_null(False)
    raise CasesDataError(f"{where}: a condition needs 'is', 'in' or 'at_least'.")


def _expr(raw: dict[str, Any], where: str) -> pl.Expr:
    if "all" in raw:
        return pl.all_horizontal([_condition(c, where) for c in raw["all"]])
    if "any" in raw:
        return pl.any_horizontal([_condition(c, where) for c in raw["any"]])
    raise CasesDataError(f"{where}: a group needs 'all' or 'any'.")


@cache
def load_groups() -> dict[str, CaseGroup]:
    """Every group in data/groups.json, keyed by its name."""
    raw = load_json("groups.json")["groups"]
    return {
        key: CaseGroup(key, value["label"], _expr(value, f"group {key}"))
        for key, value in raw.items()
    }


def age_band(age: int) -> str:
    """The age band (as on the person-level dashboard) of a whole age in years."""
    for low, high, label in AGE_BANDS:
        if low <= age <= high:
            return label
    return "over 25" if age > 25 else "under 0"


def with_features(frame: pl.DataFrame, as_of: date) -> pl.DataFrame:
    """The rows with their age, age band and one true/false column per group (g__<group>)."""
    age = age_at(pl.col("date_of_birth"), as_of)
    band = pl.lit("20-25")
    for _low, high, label in reversed(AGE_BANDS[:-1]):
        band = pl.when(age <= high).then(pl.lit(label)).otherwise(band)
    aged = frame.with_columns(age.alias("_age"), band.alias("_age_band"))
    return aged.with_columns(g.expr.alias(g.column) for g in load_groups().values())
