"""DfE's published figures for an area, and our snapshot's figures for the same periods beside them.

The published figures are shipped with the domain (sendready.domain.published); this module only finds
the area's DfE code and works out our figures for the periods DfE counts: a calendar year is counted
again from the snapshot's file (its dates say which plans were new that year); a January census is the
snapshot itself when it is dated in that January.
"""

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sendready.areas.models import LocalArea
from sendready.domain.person_level.indicators import IndicatorSet, compute_indicators
from sendready.domain.published.figures import PublishedSeries, la_code_for, published_for_area
from sendready.domain.published.reconcile import (
    Comparison,
    calendar_years_covered,
    compare,
    january_covered,
)
from sendready.pupildata import figures, storage
from sendready.pupildata.models import Snapshot
from sendready.pupildata.presenters import display


def series_for_area(area: LocalArea) -> list[PublishedSeries]:
    """Every measure DfE publishes by local authority, for this area (by its DfE code)."""
    return published_for_area(la_code_for(area.code, area.old_la_code), area.region)


def by_indicator(area: LocalArea) -> dict[str, PublishedSeries]:
    """The published series that stand beside our own indicators, keyed by our indicator's id."""
    return {s.measure.indicator: s for s in series_for_area(area) if s.measure.indicator}


def published_json(area: LocalArea) -> dict[str, dict[str, Any]]:
    """`{measure id: {year, area, region, england, rank, series, source, ...}}` for the command."""
    return {s.measure.id: s.to_dict() for s in series_for_area(area)}


@lru_cache(maxsize=16)
def _calendar_year(
    name: str, pk: int, created: dt.datetime, as_of: dt.date, year: int
) -> IndicatorSet:
    # The file never changes: a year counted again from it stays right for as long as it exists.
    return compute_indicators(storage.scan_rows(name), dt.date(year, 12, 31))


def _ours(snapshot: Snapshot, series: PublishedSeries, year: str) -> float | int | None:
    indicator = series.measure.indicator
    assert indicator is not None
    if series.measure.period == "january":
        current = figures.cached(snapshot)
    else:
        current = _calendar_year(*figures.file_key(snapshot), int(year))
    ind = current.indicators.get(indicator)
    return ind.value if ind else None


def reconcile(area: LocalArea, snapshot: Snapshot) -> list[Comparison]:
    """Each of our figures beside DfE's for every published period the snapshot covers."""
    out: list[Comparison] = []
    for series in series_for_area(area):
        if not series.measure.indicator:
            continue
        years = [y.year for y in series.years]
        if series.measure.period == "january":
            january = january_covered(snapshot.snapshot_date, years)
            covered = [january] if january else []
        else:
            covered = calendar_years_covered(snapshot.snapshot_date, years)
        out.extend(compare(series.measure, series, y, _ours(snapshot, series, y)) for y in covered)
    return out


@dataclass(frozen=True)
class PublishedRow:
    """One year of a published measure as the tables show it."""

    period: str
    area: str
    region: str
    england: str
    rank: str


def _cell(value: Any, unit: str) -> str:
    return "Not published" if value is None else display(value, unit)


def rows(series: PublishedSeries, latest_only: bool = False) -> list[PublishedRow]:
    """Years of a series as text (newest first), with 'Not published' and its reason, never 0."""
    years = [series.latest] if latest_only and series.latest else list(reversed(series.years))
    unit = series.measure.unit
    return [
        PublishedRow(
            period=y.label,
            area=y.note or _cell(y.area.value, unit),
            region=_cell(y.region.value, unit),
            england=_cell(y.england.value, unit),
            rank=y.rank.text if y.rank else "No rank",
        )
        for y in years
        if y is not None
    ]


def comparison_text(c: Comparison) -> dict[str, Any]:
    """A reconciliation row as the page shows it."""
    unit = c.measure.unit
    diff = ""
    if c.difference is not None:
        sign = "+" if c.difference > 0 else "−" if c.difference < 0 else ""
        size = f"{abs(c.difference):,}" if unit == "count" else f"{abs(c.difference):.1f} points"
        diff = sign + size
    return {
        "title": c.measure.title,
        "period": c.period,
        "ours": _cell(c.ours, unit) if c.ours is not None else "No figure",
        "published": _cell(c.published.value, unit),
        "difference": diff or "–",
        "check": c.check,
        "words": c.words,
        "differs": c.measure.differs,
    }


def latest_rows(series: list[PublishedSeries]) -> list[dict[str, Any]]:
    """The newest published year of each series, for the dashboard's tables."""
    out = []
    for s in series:
        for r in rows(s, latest_only=True):
            out.append(
                {
                    "indicator": s.measure.indicator,
                    "title": s.measure.title,
                    "rank_order": s.measure.rank_order,
                    **r.__dict__,
                }
            )
    return out
