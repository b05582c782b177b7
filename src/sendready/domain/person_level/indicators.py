"""Indicators over validated person-level SEND rows, each with the polars selection behind it.

Period: "new plans" are those whose final plan date falls in the 12 months up to and including `as_of`
(a rolling year, so a dashboard is current on inspection day); DfE's national figures are calendar years,
and the figures as DfE counts them (dfe_rules.py, ids ending `_dfe...`) cover its last whole calendar year.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import polars as pl

from sendready.domain.person_level.dfe_rules import period_text
from sendready.domain.person_level.indicator_rules import (
    BREAKDOWNS,
    Spec,
    derive,
    filter_expr,
    specs,
    with_every_column,
)

Number = int | float | None


@dataclass(frozen=True)
class Indicator:
    """One figure with its definition and national comparison.

    `not_in_file` names the optional columns the figure needs that the file did not have (the value is
    then None: "not in this file"); `period` says which dates it covers, in words. `differs_from_dfe`
    says how ours differs from DfE's figure (None: no difference, or DfE publishes none: `dfe_publishes`).
    """

    id: str
    title: str
    value: Number
    unit: str
    numerator: int | None = None
    denominator: int | None = None
    definition: str = ""
    national: dict[str, Any] | None = None
    period: str = ""
    not_in_file: list[str] = field(default_factory=list)
    dfe_definition: str = ""
    dfe_publishes: bool = False
    differs_from_dfe: str | None = None


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
    all_specs = specs()
    needed = sorted({column for s in all_specs for column in s.needs})
    # Whether the file has each optional column is asked of every row, before any filter.
    present_query = with_every_column(df.lazy()).select(
        pl.col(column).is_not_null().any().alias(column) for column in needed
    )
    data = derive(df.lazy(), as_of)
    if filters:
        data = data.filter(filter_expr(filters))
    exprs: list[pl.Expr] = []
    for s in all_specs:
        inside = s.numerator if s.denominator is None else s.numerator & s.denominator
        exprs.append(_count(inside).alias(f"{s.id}__num"))
        if s.denominator is not None:
            exprs.append(_count(s.denominator).alias(f"{s.id}__den"))
        if s.value is not None:
            agg = s.value.filter(s.numerator.fill_null(False))
            exprs.append((agg.mean() if s.kind == "mean" else agg.sum()).alias(f"{s.id}__val"))
    queries = [data.select(exprs), present_query] + [
        data.group_by(pl.col(column).fill_null("unknown").cast(pl.String).alias("category"))
        .agg(
            pl.len().alias("total"),
            *[_count(pl.col("sen_status").eq(code)).alias(code) for code in ("E", "K", "N")],
        )
        .sort("category")
        for column in BREAKDOWNS.values()
    ]
    totals, present, *counts = pl.collect_all(queries)
    row = totals.row(0, named=True)
    has = present.row(0, named=True) if needed else {}
    defs = definitions()
    indicators = {
        s.id: _indicator(s, row, defs.get(s.id, {}), [n for n in s.needs if not has[n]], as_of)
        for s in all_specs
    }
    breakdowns = {
        dim: {r.pop("category"): r for r in frame.iter_rows(named=True)}
        for dim, frame in zip(BREAKDOWNS, counts)
    }
    return IndicatorSet(as_of=as_of, indicators=indicators, breakdowns=breakdowns, filters=filters)


def _indicator(
    s: Spec, row: dict[str, Any], d: dict[str, Any], absent: list[str], as_of: date
) -> Indicator:
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
    if absent:  # a figure worked out without a column it needs would be wrong, so there is none
        return _not_in_file(s, d, absent, as_of)
    return Indicator(
        id=s.id,
        title=d.get("title", s.id),
        value=value,
        unit=d.get("unit", "count"),
        numerator=num,
        denominator=den,
        definition=d.get("definition", ""),
        national=d.get("national"),
        period=period_text(s.period, as_of),
        not_in_file=absent,
        dfe_definition=d.get("dfe_definition", ""),
        dfe_publishes=bool(d.get("dfe_publishes")),
        differs_from_dfe=d.get("differs_from_dfe"),
    )


def _not_in_file(s: Spec, d: dict[str, Any], absent: list[str], as_of: date) -> Indicator:
    return Indicator(
        id=s.id,
        title=d.get("title", s.id),
        value=None,
        unit=d.get("unit", "count"),
        definition=d.get("definition", ""),
        national=d.get("national"),
        period=period_text(s.period, as_of),
        not_in_file=absent,
        dfe_definition=d.get("dfe_definition", ""),
        dfe_publishes=bool(d.get("dfe_publishes")),
        differs_from_dfe=d.get("differs_from_dfe"),
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
        chosen = spec.denominator if spec.denominator is not None else spec.numerator
    elif spec.denominator is not None:
        chosen = spec.numerator & spec.denominator
    else:
        chosen = spec.numerator
    # A figure "not in this file" has no rows behind it: no row is chosen unless every column it
    # needs has a value somewhere.
    for column in spec.needs:
        chosen = chosen & pl.col(column).is_not_null().any()
    return chosen


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
