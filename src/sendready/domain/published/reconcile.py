"""Our figures beside DfE's for the same period, with the difference in plain words.

A snapshot covers a calendar year DfE has published when it is dated on or after that year's 31 December
(new plans, 20-week timeliness and decisions are dated in the file, so that year can be counted again),
and the January census when it is dated in that January (plans held on the day). A large difference is a
sign that the file and the SEN2 return disagree: worth finding before an inspector does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sendready.domain.published.figures import PublishedSeries, PublishedValue
from sendready.domain.published.measures import PublishedMeasure

# A gap worth checking: this many percentage points, or this share of DfE's count.
POINTS_TO_CHECK = 5.0
SHARE_TO_CHECK = 0.05
YEARS_BACK = 2  # earlier years lose the people who have since left the file


@dataclass(frozen=True)
class Comparison:
    """Our figure and DfE's for one measure and period, and what the difference says."""

    measure: PublishedMeasure
    period: str
    year: str
    ours: float | int | None
    published: PublishedValue
    difference: float | int | None
    check: bool
    words: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "measure": self.measure.id,
            "indicator": self.measure.indicator,
            "period": self.period,
            "year": self.year,
            "ours": self.ours,
            "published": self.published.value,
            "difference": self.difference,
            "check": self.check,
            "words": self.words,
        }


def calendar_years_covered(as_of: date, published_years: list[str]) -> list[str]:
    """The newest published calendar years a snapshot dated `as_of` covers in full (newest first)."""
    years = [y for y in published_years if date(int(y), 12, 31) <= as_of]
    return sorted(years, reverse=True)[:YEARS_BACK]


def january_covered(as_of: date, published_years: list[str]) -> str | None:
    """The January census year a snapshot dated in January matches, if DfE has published it."""
    year = str(as_of.year)
    return year if as_of.month == 1 and year in published_years else None


def _difference(ours: float | int, theirs: float | int, unit: str) -> float | int:
    if unit == "count":
        return int(ours) - int(theirs)
    return round(float(ours) - float(theirs), 1)


def _amount(value: float | int, unit: str) -> str:
    if unit == "count":
        return f"{value:,}"
    return f"{value:.1f}%"


def _gap(diff: float | int, unit: str) -> str:
    size = f"{abs(diff):,}" if unit == "count" else f"{abs(diff):.1f} percentage points"
    return f"{size} {'higher' if diff > 0 else 'lower'}"


def compare(
    measure: PublishedMeasure, series: PublishedSeries, year: str, ours: float | int | None
) -> Comparison:
    """Our figure for a period beside DfE's for the same period, in words an officer can act on."""
    cell = next((y for y in series.years if y.year == year), None)
    published = cell.area if cell else PublishedValue(None, "")
    period = measure.period_label(year)
    if ours is None:
        words = f"Your file has no figure for {period} (nothing to count it from)."
        return Comparison(measure, period, year, None, published, None, False, words)
    if not published.published:
        note = (
            cell.note
            if cell and cell.note
            else f"DfE has not published this area's figure for {period}."
        )
        words = f"Your file gives {_amount(ours, measure.unit)}. {note}"
        return Comparison(measure, period, year, ours, published, None, False, words)
    assert published.value is not None
    diff = _difference(ours, published.value, measure.unit)
    theirs = _amount(published.value, measure.unit)
    if diff == 0:
        words = f"Your file gives {theirs} for {period}, the same as DfE published."
        return Comparison(measure, period, year, ours, published, diff, False, words)
    check = (
        abs(diff) >= max(1, SHARE_TO_CHECK * abs(published.value))
        if measure.unit == "count"
        else abs(diff) >= POINTS_TO_CHECK
    )
    words = (
        f"Your file gives {_amount(ours, measure.unit)} for {period}; DfE published {theirs}: "
        f"yours is {_gap(diff, measure.unit)}."
    )
    if check:
        words += " Check this before an inspector asks: " + _advice(measure)
    return Comparison(measure, period, year, ours, published, diff, check, words)


def _advice(measure: PublishedMeasure) -> str:
    if measure.period == "january":
        return (
            "compare the plans your file holds on the census day with those in the SEN2 return "
            "(plans for people placed out of area, ceased plans and transfers in are the usual causes)."
        )
    if measure.unit == "count":
        return (
            "people who have left the file since (aged out, moved away) are not counted in it, and "
            "plans transferred in from another area are not new plans in DfE's count."
        )
    return (
        "compare request dates, final plan dates and exception flags in your file with the SEN2 "
        "return for the same children."
    )
