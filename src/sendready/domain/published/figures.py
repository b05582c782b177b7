"""An area's published figures by year beside its region's and England's, with its rank among the areas.

Values DfE did not publish (x, z, c, .., ~ or a blank) stay "not published" with DfE's reason: never 0.
An area created by a reorganisation has no figures for the years before it existed; those years say so
and name the authority DfE published instead.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from sendready.domain.history.events import load_areas
from sendready.domain.published.measures import PublishedMeasure, load_measures, provenance

ENGLAND = "E92000001"
NOT_PUBLISHED = {
    "x": "not available",
    "z": "not applicable",
    "c": "suppressed to protect confidentiality",
    "..": "not available",
    "~": "suppressed",
    "": "not published",
}
# Successor LA code -> (the authority DfE published before, the day the successor began, what happened).
# A period that ended before that day (a calendar year, or a January census) was published for the former.
_CUMBRIA = (
    "Cumbria",
    date(2023, 4, 1),
    "Cumbria was split into Cumberland and Westmorland and Furness in April 2023",
)
_NORTHANTS = (
    "Northamptonshire",
    date(2021, 4, 1),
    "Northamptonshire was split into North and West Northamptonshire in April 2021",
)
SUCCEEDED = {
    "942": _CUMBRIA,
    "943": _CUMBRIA,
    "940": _NORTHANTS,
    "941": _NORTHANTS,
    "839": ("Bournemouth and Poole", date(2019, 4, 1), "Bournemouth, Christchurch and Poole was formed in April 2019"),
    "838": ("the old Dorset county", date(2019, 4, 1), "today's Dorset Council was formed in April 2019"),
}  # fmt: skip


@dataclass(frozen=True)
class PublishedValue:
    """One published cell: the number, or why there is none (DfE's code and its meaning)."""

    value: float | int | None
    printed: str

    @property
    def published(self) -> bool:
        """Whether DfE published a number here."""
        return self.value is not None

    @property
    def reason(self) -> str:
        """Why there is no number ('' when there is one)."""
        if self.published:
            return ""
        return NOT_PUBLISHED.get(self.printed, f"not published ({self.printed})")


MISSING = PublishedValue(None, "")


@dataclass(frozen=True)
class Rank:
    """Position among the areas with a published figure that year (ties share the better position)."""

    position: int
    of: int
    tied: bool

    @property
    def text(self) -> str:
        """'12th of 152' or '=12th of 152'."""
        return f"{'=' if self.tied else ''}{_ordinal(self.position)} of {self.of}"


@dataclass(frozen=True)
class YearFigures:
    """One year's figures for an area: its own, its region's, England's, and its rank."""

    year: str
    label: str
    area: PublishedValue
    region: PublishedValue
    england: PublishedValue
    rank: Rank | None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form: numbers or null, with the reasons and the rank's parts beside them."""
        return {
            "year": self.year,
            "period": self.label,
            "area": self.area.value,
            "region": self.region.value,
            "england": self.england.value,
            "rank": self.rank.position if self.rank else None,
            "rank_of": self.rank.of if self.rank else None,
            "rank_tied": self.rank.tied if self.rank else None,
            "area_not_published": self.note or None,
        }


@dataclass(frozen=True)
class PublishedSeries:
    """Every published year of one measure for one area, oldest first."""

    measure: PublishedMeasure
    area_name: str
    region_name: str
    years: list[YearFigures] = field(default_factory=list)

    @property
    def latest(self) -> YearFigures | None:
        """The newest year DfE published (whether or not this area has a figure in it)."""
        return self.years[-1] if self.years else None

    def to_dict(self) -> dict[str, Any]:
        """`{year, area, region, england, rank}` for the latest year, with the series and source."""
        latest = self.latest
        head = (
            latest.to_dict()
            if latest
            else dict.fromkeys(["year", "area", "region", "england", "rank"])
        )
        return {
            **head,
            "measure": self.measure.id,
            "indicator": self.measure.indicator,
            "title": self.measure.title,
            "unit": self.measure.unit,
            "rank_order": self.measure.rank_order,
            "region_name": self.region_name,
            "region_note": self.measure.region_note or None,
            "series": [y.to_dict() for y in self.years],
            "source": source_text(),
        }


def source_text() -> str:
    """One line naming the source and licence."""
    p = provenance()
    return f"{p['publisher']}, '{p['collection']}', {p['collection_url']}. {p['attribution']}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _number(text: str, unit: str) -> float | int | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if unit == "count" else round(number, 1)


@cache
def _table() -> dict[tuple[str, str, str, str], str]:
    text = (
        resources.files("sendready.domain.published")
        .joinpath("data/dfe_published_figures.csv")
        .read_text("utf-8")
    )
    return {
        (r["measure"], r["year"], r["level"], r["code"]): r["value"]
        for r in csv.DictReader(io.StringIO(text))
    }


@cache
def _years(measure_id: str) -> tuple[str, ...]:
    return tuple(
        sorted({y for m, y, level, _ in _table() if m == measure_id and level == "national"})
    )


@cache
def _ranks(measure_id: str, year: str) -> dict[str, Rank]:
    measure = next(m for m in load_measures() if m.id == measure_id)
    values: dict[str, float] = {}
    for (m, y, level, code), text in _table().items():
        number = _number(text, measure.unit) if (m, y, level) == (measure_id, year, "la") else None
        if number is not None:
            values[code] = float(number)
    sign = 1 if measure.better == "lower" else -1
    ordered = sorted(values.values(), key=lambda v: sign * v)
    first: dict[float, int] = {}
    for position, v in enumerate(ordered, start=1):
        first.setdefault(v, position)
    counts: dict[float, int] = defaultdict(int)
    for v in values.values():
        counts[v] += 1
    return {code: Rank(first[v], len(values), counts[v] > 1) for code, v in values.items()}


def _cell(measure: PublishedMeasure, year: str, level: str, code: str) -> PublishedValue:
    text = _table().get((measure.id, year, level, code))
    if text is None:
        return MISSING
    return PublishedValue(_number(text, measure.unit), text)


@cache
def _places() -> tuple[dict[str, tuple[str, str, str]], dict[str, str]]:
    """LA code -> (name, region code, region name) for the 153 areas; region name -> code."""
    las = {a.old_la_code: (a.name, a.region_code, a.region) for a in load_areas(current_only=True)}
    regions = {region: code for _, code, region in las.values()}
    return las, regions


def la_code_for(ons_code: str, old_la_code: str = "") -> str:
    """DfE's 3-digit code for an area, from its own or from the 153 areas' list by ONS code."""
    if old_la_code:
        return old_la_code
    return next((a.old_la_code for a in load_areas(current_only=True) if a.code == ons_code), "")


def _gap_note(measure: PublishedMeasure, la_code: str, year: str, area: PublishedValue) -> str:
    if area.published:
        return ""
    if area.printed:
        return f"Not published for this area in {year} (DfE's code {area.printed}: {area.reason})."
    before = SUCCEEDED.get(la_code)
    if before and measure.period_end(year) < before[1]:
        return f"Not published for this area in {year}: {before[2]}; DfE published {before[0]} instead."
    return f"Not published for this area in {year}."


def series_for(measure: PublishedMeasure, la_code: str, region_name: str = "") -> PublishedSeries:
    """One measure for one area (by DfE's LA code; '' for an area DfE does not publish)."""
    las, regions = _places()
    name, region_code, region = las.get(la_code, ("", regions.get(region_name, ""), region_name))
    years = []
    for year in _years(measure.id):
        area = _cell(measure, year, "la", la_code) if la_code in las else MISSING
        years.append(
            YearFigures(
                year=year,
                label=measure.period_label(year),
                area=area,
                region=_cell(measure, year, "regional", region_code),
                england=_cell(measure, year, "national", ENGLAND),
                rank=_ranks(measure.id, year).get(la_code) if la_code in las else None,
                note=_gap_note(measure, la_code, year, area)
                if la_code in las
                else "DfE publishes no figures for this area.",
            )
        )
    return PublishedSeries(measure, name, region, years)


def published_for_area(la_code: str, region_name: str = "") -> list[PublishedSeries]:
    """Every published measure for one area, in display order."""
    return [series_for(m, la_code, region_name) for m in load_measures()]
