"""Indicators over validated person-level SEND rows, each with the polars selection behind it.

Period: "new plans" are those whose final plan date falls in the 12 months up to and including `as_of`
(a rolling year, so a dashboard is current on inspection day); DfE's national figures are calendar years.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import polars as pl

from sendready.domain.person_level.indicator_rules import (
    BREAKDOWNS,
    Spec,
    derive,
    filter_expr,
    specs,
)

Number = int | float | None


@dataclass(frozen=True)
class Indicator:
    """One figure with its definition and national comparison."""

    id: str
    title: str
    value: Number
    unit: str
    numerator: int | None = None
    denominator: int | None = None
    definition: str = ""
    national: dict[str, Any] | None = None


@dataclass
class IndicatorSet:
    """All figures for one file as at one date; `values[id]` is a number or None (no denominator)."""

    as_of: date
    indicators: dict[str, Indicator]
    breakdowns: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    filters: dict[str, list[str]] = field(default_factory=dict)

    def __getitem__(self, indicator_id: str) -> Number:
        return self.indicators[indicator_id].value

    @property
    def values(self) -> dict[str, Number]:
        """Plain id -> value mapping."""
        return {k: v.value for k, v in self.indicators.items()}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (dates as ISO strings)."""
        return {
            "as_of": self.as_of.isoformat(),
            "filters": self.filters,
            "indicators": [asdict(i) for i in self.indicators.values()],
            "breakdowns": self.breakdowns,
        }


@dataclass(frozen=True)
class Trend:
    """One indicator across snapshots, oldest first."""

    id: str
    title: str
    unit: str
    points: list[tuple[date, Number]]
    change_from_previous: Number
    change_from_first: Number


@cache
def definitions() -> dict[str, dict[str, Any]]:
    """Indicator and breakdown definitions from indicators.json, keyed by id."""
    text = (
        resources.files("sendready.domain.person_level")
        .joinpath("data/indicators.json")
        .read_text("utf-8")
    )
    raw = json.loads(text)
    return {d["id"]: d for d in raw["indicators"] + raw["breakdowns"]}


def _count(expr: pl.Expr) -> pl.Expr:
    return expr.fill_null(False).sum()


def compute_indicators(
    df: pl.DataFrame | pl.LazyFrame, as_of: date, filters: dict[str, list[str]] | None = None
) -> IndicatorSet:
    """Compute every indicator and breakdown for typed rows (from validate) as at `as_of`; given a
    LazyFrame (a Parquet scan), only the columns the figures use are read."""
    filters = {k: list(v) for k, v in (filters or {}).items() if v}
    # One lazy plan: the derived columns are never materialised as a frame, and the figures and the
    # four breakdowns are computed together (polars runs the queries in parallel).
    data = derive(df.lazy(), as_of)
    if filters:
        data = data.filter(filter_expr(filters))
    all_specs = specs()
    exprs: list[pl.Expr] = []
    for s in all_specs:
        inside = s.numerator if s.denominator is None else s.numerator & s.denominator
        exprs.append(_count(inside).alias(f"{s.id}__num"))
        if s.denominator is not None:
            exprs.append(_count(s.denominator).alias(f"{s.id}__den"))
        if s.value is not None:
            agg = s.value.filter(s.numerator.fill_null(False))
            exprs.append((agg.mean() if s.kind == "mean" else agg.sum()).alias(f"{s.id}__val"))
    queries = [data.select(exprs)] + [
        data.group_by(pl.col(column).fill_null("unknown").cast(pl.String).alias("category"))
        .agg(
            pl.len().alias("total"),
            *[_count(pl.col("sen_status").eq(code)).alias(code) for code in ("E", "K", "N")],
        )
        .sort("category")
        for column in BREAKDOWNS.values()
    ]
    totals, *counts = pl.collect_all(queries)
    row = totals.row(0, named=True)
    defs = definitions()
    indicators = {s.id: _indicator(s, row, defs.get(s.id, {})) for s in all_specs}
    breakdowns = {
        dim: {r.pop("category"): r for r in frame.iter_rows(named=True)}
        for dim, frame in zip(BREAKDOWNS, counts)
    }
    return IndicatorSet(as_of=as_of, indicators=indicators, breakdowns=breakdowns, filters=filters)


def _indicator(s: Spec, row: dict[str, Any], d: dict[str, Any]) -> Indicator:
    num = int(row[f"{s.id}__num"])
    den = int(row[f"{s.id}__den"]) if s.denominator is not None else None
    value: Number
    if s.kind == "count":
        value = num
    elif s.kind == "pct":
        value = round(100.0 * num / den, 1) if den else None
    elif s.kind == "mean":
        mean = row[f"{s.id}__val"]
        value = round(float(mean), 1) if mean is not None else None
    else:
        total = row[f"{s.id}__val"]
        value = int(total) if total is not None else 0
    return Indicator(
        id=s.id,
        title=d.get("title", s.id),
        value=value,
        unit=d.get("unit", "count"),
        numerator=num,
        denominator=den,
        definition=d.get("definition", ""),
        national=d.get("national"),
    )


def selection(indicator_id: str, part: str = "numerator") -> pl.Expr:
    """The boolean expression (over derived columns) choosing the rows behind a figure."""
    if ":" in indicator_id:
        dim, category = indicator_id.split(":", 1)
        if dim not in BREAKDOWNS:
            raise KeyError(indicator_id)
        col = pl.col(BREAKDOWNS[dim]).fill_null("unknown").cast(pl.String)
        return col.eq(category)
    spec = {s.id: s for s in specs()}[indicator_id]
    if part == "denominator":
        return spec.denominator if spec.denominator is not None else spec.numerator
    if spec.denominator is not None:
        return spec.numerator & spec.denominator
    return spec.numerator


def rows_for(
    indicator_id: str,
    df: pl.DataFrame,
    as_of: date,
    filters: dict[str, list[str]] | None = None,
    part: str = "numerator",
) -> pl.DataFrame:
    """The rows of `df` counted in a figure (`part="denominator"` for the base of a percentage).

    Breakdown cells use ids like "by_primary_need:ASD". Raises KeyError for an unknown id.
    """
    expr = selection(indicator_id, part)
    filters = {k: list(v) for k, v in (filters or {}).items() if v}
    data = derive(df, as_of).filter(filter_expr(filters)).filter(expr.fill_null(False))
    return data.select(df.columns)


POSITION = "_position"


def positions_for(
    indicator_id: str,
    rows: pl.LazyFrame,
    as_of: date,
    filters: dict[str, list[str]] | None = None,
    part: str = "numerator",
) -> pl.LazyFrame:
    """Where the rows behind a figure are (0-based positions in `rows`, column POSITION), in person_id
    order: a page of them can then be read as one short slice. Raises KeyError for an unknown id."""
    expr = selection(indicator_id, part)
    filters = {k: list(v) for k, v in (filters or {}).items() if v}
    # Only the columns the rule and filters use are read: polars prunes the unused derived columns.
    return (
        derive(rows.with_row_index(POSITION), as_of)
        .filter(filter_expr(filters))
        .filter(expr.fill_null(False))
        .sort("person_id", POSITION)
        .select(POSITION)
    )


def compare_snapshots(snapshots: list[IndicatorSet]) -> dict[str, Trend]:
    """Line up indicators across snapshots (sorted by date) with changes since previous and first."""
    ordered = sorted(snapshots, key=lambda s: s.as_of)
    ids = list(dict.fromkeys(i for s in ordered for i in s.indicators))
    trends = {}
    for indicator_id in ids:
        points = [
            (s.as_of, s.indicators[indicator_id].value if indicator_id in s.indicators else None)
            for s in ordered
        ]
        first = next(s.indicators[indicator_id] for s in ordered if indicator_id in s.indicators)
        trends[indicator_id] = Trend(
            id=indicator_id,
            title=first.title,
            unit=first.unit,
            points=points,
            change_from_previous=_diff(points[-1][1], points[-2][1]) if len(points) > 1 else None,
            change_from_first=_diff(points[-1][1], points[0][1]) if len(points) > 1 else None,
        )
    return trends


def _diff(a: Number, b: Number) -> Number:
    if a is None or b is None:
        return None
    return round(a - b, 1)


def indicator_set_from_dict(data: dict[str, Any]) -> IndicatorSet:
    """Rebuild an IndicatorSet from `IndicatorSet.to_dict()` output (for cached figures)."""
    fields = set(Indicator.__dataclass_fields__)
    indicators = {
        raw["id"]: Indicator(**{k: v for k, v in raw.items() if k in fields})
        for raw in data.get("indicators", [])
    }
    return IndicatorSet(
        as_of=date.fromisoformat(data["as_of"]),
        indicators=indicators,
        breakdowns=data.get("breakdowns", {}),
        filters=data.get("filters", {}),
    )
