"""English school terms as used by the inspection forecast, with boundaries read from data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta


@cache
def load_rules() -> dict[str, Any]:
    """Return forecast_rules.json as {key: value} (the 'source' notes stay in the file)."""
    text = (
        resources.files("sendready.domain.forecasting")
        .joinpath("data/forecast_rules.json")
        .read_text("utf-8")
    )
    raw = json.loads(text)
    return {key: item["value"] for key, item in raw.items() if not key.startswith("_")}


@cache
def _starts_in(year: int) -> tuple[tuple[date, str], ...]:
    """Each term's first day in a calendar year, in order. 'good-friday' means the spring term ends when the
    Easter holidays begin, so the summer term is counted from Good Friday (two days before Easter Sunday)."""
    out = []
    for item in load_rules()["terms"]:
        if item["starts"] == "good-friday":
            first = easter(year) - timedelta(days=2)
        else:
            month, day = (int(part) for part in item["starts"].split("-"))
            first = date(year, month, day)
        out.append((first, item["season"]))
    return tuple(sorted(out))


@dataclass(frozen=True, order=True)
class Term:
    """One school term: `start` inclusive, `end` exclusive (the next term's first day)."""

    start: date
    end: date
    season: str

    @property
    def name(self) -> str:
        """Name as a school reads it, e.g. 'Autumn 2025'."""
        return f"{self.season} {self.start.year}"

    @property
    def last_day(self) -> date:
        """Last calendar day of the term."""
        return self.end - timedelta(days=1)

    def contains(self, day: date) -> bool:
        """True if `day` falls in this term."""
        return self.start <= day < self.end

    def next(self) -> Term:
        """The term that follows this one."""
        return term_of(self.end)

    def previous(self) -> Term:
        """The term before this one."""
        return term_of(self.start - timedelta(days=1))


def term_of(day: date) -> Term:
    """Return the term that contains `day`."""
    candidates = [
        start for year in (day.year - 1, day.year, day.year + 1) for start in _starts_in(year)
    ]
    for (first, season), (following, _) in zip(candidates, candidates[1:]):
        if first <= day < following:
            return Term(first, following, season)
    raise ValueError(f"no term contains {day}")  # unreachable with at least one start a year


def terms_between(from_date: date, to_date: date) -> list[Term]:
    """Return every term that overlaps the inclusive range from_date..to_date."""
    terms = [term_of(from_date)]
    while terms[-1].end <= to_date:
        terms.append(terms[-1].next())
    return terms


def term_by_name(name: str) -> Term:
    """Return the term called e.g. 'Spring 2026'."""
    season, _, year = name.strip().partition(" ")
    for first, s in _starts_in(int(year)):
        if s.lower() == season.lower():
            return term_of(first)
    raise ValueError(f"unknown term name {name!r}")


def add_months(day: date, months: float) -> date:
    """Add a (possibly fractional) number of months, as 30.44-day months."""
    return day + timedelta(days=round(months * 30.4375))


def describe_interval(start: date, end: date) -> str:
    """Elapsed time in words, e.g. '4 years 5 months' (whole months, rounded down)."""
    if end < start:
        return "in the future"
    elapsed = relativedelta(end, start)
    years, months = elapsed.years, elapsed.months
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months or not years:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " ".join(parts)
