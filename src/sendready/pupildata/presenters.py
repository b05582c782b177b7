"""Turn indicator sets into what the dashboard shows: sections of figures, breakdowns and trends."""

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from sendready.domain.person_level.indicator_rules import BREAKDOWNS, SOCIAL_CARE_HEALTH
from sendready.domain.person_level.indicators import (
    Indicator,
    IndicatorSet,
    compare_snapshots,
    definitions,
)
from sendready.domain.person_level.schema import load_schema

SECTIONS: list[tuple[str, list[str]]] = [
    ("Who is in the file", ["rows", "ehc_plans", "sen_support"]),
    (
        "New EHC plans",
        [
            "ehc_new_plans",
            "ehc_within_20_weeks_pct",
            "ehc_within_20_weeks_incl_exceptions_pct",
            "ehc_mean_weeks",
            "ehc_over_1_year_pct",
            "ehc_decision_within_6_weeks_pct",
        ],
    ),
    (
        "New EHC plans and decisions as DfE counts them (calendar year)",
        [
            "ehc_new_plans_dfe",
            "ehc_within_20_weeks_dfe_pct",
            "ehc_within_20_weeks_incl_exceptions_dfe_pct",
            "ehc_decision_within_6_weeks_dfe_pct",
        ],
    ),
    (
        "Annual reviews",
        [
            "annual_reviews_overdue",
            "annual_reviews_overdue_pct",
            "annual_reviews_unknown",
            "under_5_reviews_over_6_months",
            "under_5_reviews_over_6_months_pct",
        ],
    ),
    (
        "Attendance",
        [
            "persistent_absence_pct",
            "persistent_absence_ehc_pct",
            "persistent_absence_sen_support_pct",
            "severe_absence_pct",
            "severe_absence_ehc_pct",
            "severe_absence_sen_support_pct",
        ],
    ),
    (
        "Suspensions and exclusions, by SEN status",
        [
            "suspended_pupils_ehc",
            "suspended_pupils_ehc_pct",
            "suspensions_ehc",
            "permanent_exclusions_ehc",
            "suspended_pupils_sen_support",
            "suspended_pupils_sen_support_pct",
            "suspensions_sen_support",
            "permanent_exclusions_sen_support",
        ],
    ),
    (
        "Education, training and where people are placed",
        [
            "neet",
            "neet_pct",
            "neet_or_not_known_16_17",
            "neet_or_not_known_16_17_pct",
            "elective_home_education",
            "children_missing_education",
            "alternative_provision",
            "alternative_provision_unregistered",
            "placed_out_of_area",
            "placed_out_of_area_ehc_pct",
        ],
    ),
]
TREND_IDS = [
    "rows",
    "ehc_plans",
    "sen_support",
    "ehc_new_plans",
    "ehc_within_20_weeks_pct",
    "ehc_within_20_weeks_incl_exceptions_pct",
    "ehc_mean_weeks",
    "ehc_within_20_weeks_dfe_pct",
    "annual_reviews_overdue",
    "persistent_absence_pct",
    "severe_absence_pct",
    "neet",
    "alternative_provision",
    "placed_out_of_area",
]
CHART_IDS = ["ehc_plans", "ehc_within_20_weeks_pct"]
STATUS_COLUMNS = [
    ("E", "EHC plan", "_ehc"),
    ("K", "SEN support", "_sen_support"),
    ("N", "No SEN", "_no_sen"),
]
FLAG_TITLES = {
    "child_in_need": "Child in need",
    "child_protection": "Child protection plan",
    "looked_after": "Looked after",
    "early_help": "Early help",
    "complex_health_needs": "Complex health needs",
    "dynamic_support_register": "On the dynamic support register",
}
BREAKDOWN_LABELS = {
    "by_primary_need": "primary_need",
    "by_phase": "phase",
    "by_setting_type": "setting_type",
}


class Small:
    """A count too small to show to someone who cannot see the rows: prints as 'Fewer than 5'."""

    def __init__(self, below: int) -> None:
        self.below = below

    def __format__(self, spec: str) -> str:
        return f"Fewer than {self.below}"

    def __str__(self) -> str:
        return format(self)


def _small(count: Any, below: int) -> bool:
    return isinstance(count, int) and 0 < count < below


def suppress_small_counts(figures: IndicatorSet, below: int) -> IndicatorSet:
    """The figures with every count from 1 to below-1 hidden, and any rate or average worked out from such a
    count hidden too (a filtered dashboard could otherwise single out a few children)."""
    indicators = {}
    for key, ind in figures.indicators.items():
        hidden = {}
        if ind.unit == "count" and _small(ind.value, below):
            hidden["value"] = Small(below)
        if _small(ind.numerator, below):
            hidden |= {"numerator": Small(below), "value": Small(below)}
        if _small(ind.denominator, below):
            hidden |= {"denominator": Small(below), "value": Small(below)}
        # Small stands in for a number on pages only (it prints as "Fewer than 5").
        indicators[key] = dataclasses.replace(ind, **hidden) if hidden else ind  # type: ignore[arg-type]
    breakdowns = {
        dim: {
            cat: {k: Small(below) if _small(v, below) else v for k, v in counts.items()}
            for cat, counts in cats.items()
        }
        for dim, cats in figures.breakdowns.items()
    }
    return dataclasses.replace(figures, indicators=indicators, breakdowns=breakdowns)  # type: ignore[arg-type]


NOT_IN_FILE = "Not in this file"


def display(value: Any, unit: str, not_in_file: list[str] | None = None) -> str:
    """A figure as people read it: 1,234 or 46.4% or 18.2 weeks; 'No data' without a base, and
    'Not in this file' when the file lacks a column the figure needs."""
    if not_in_file:
        return NOT_IN_FILE
    if value is None:
        return "No data"
    if isinstance(value, Small):
        return str(value)
    if unit == "percent":
        return f"{value:.1f}%"
    if unit == "weeks":
        return f"{value:.1f} weeks"
    return f"{value:,}"


@dataclass
class Figure:
    id: str
    title: str
    text: str
    definition: str
    national: str | None
    numerator: int | None
    denominator: int | None
    is_pct: bool
    period: str = ""
    not_in_file: list[str] = field(default_factory=list)
    differs_from_dfe: str | None = None

    @property
    def available(self) -> bool:
        """False when the file lacks a column the figure needs (there are then no rows behind it)."""
        return not self.not_in_file


@dataclass
class Section:
    title: str
    figures: list[Figure] = field(default_factory=list)


def _national(ind: Indicator) -> str | None:
    nat = ind.national or {}
    if nat.get("value") is None:
        return None
    return f"England {display(nat['value'], ind.unit)} ({nat.get('period', '')}). Source: {nat.get('source', '')}"


def figure(ind: Indicator) -> Figure:
    return Figure(
        id=ind.id,
        title=ind.title,
        text=display(ind.value, ind.unit, ind.not_in_file),
        definition=ind.definition,
        national=_national(ind),
        numerator=ind.numerator,
        denominator=ind.denominator,
        is_pct=ind.denominator is not None,
        period=ind.period,
        not_in_file=ind.not_in_file,
        differs_from_dfe=ind.differs_from_dfe,
    )


def sections(figures: IndicatorSet) -> list[Section]:
    """Headline figures in groups, in display order."""
    return [
        Section(title, [figure(figures.indicators[i]) for i in ids if i in figures.indicators])
        for title, ids in SECTIONS
    ]


def overlaps(figures: IndicatorSet) -> list[dict[str, Any]]:
    """Social care and health flags by SEN status, each cell with its indicator id."""
    rows = []
    for flag in SOCIAL_CARE_HEALTH:
        cells = []
        for _, _, suffix in STATUS_COLUMNS:
            ind = figures.indicators.get(f"{flag}{suffix}")
            cells.append({"id": f"{flag}{suffix}", "value": ind.value if ind else None})
        rows.append({"title": FLAG_TITLES.get(flag, flag), "cells": cells})
    return rows


def breakdown_tables(figures: IndicatorSet) -> list[dict[str, Any]]:
    """Counts by need, age band, phase and setting, with readable labels."""
    schema, defs = load_schema(), definitions()
    tables = []
    for dim in BREAKDOWNS:
        column = BREAKDOWN_LABELS.get(dim)
        rows = []
        for category, counts in figures.breakdowns.get(dim, {}).items():
            label = schema[column].label(category) if column else category
            rows.append(
                {
                    "id": f"{dim}:{category}",
                    "label": label if category != "unknown" else "Not recorded",
                    **counts,
                }
            )
        tables.append(
            {
                "id": dim,
                "title": defs.get(dim, {}).get("title", dim),
                "definition": defs.get(dim, {}).get("definition", ""),
                "rows": rows,
            }
        )
    return tables


def trend_table(sets: list[IndicatorSet]) -> dict[str, Any]:
    """Headline figures across snapshots: one row per figure, one column per date."""
    trends = compare_snapshots(sets)
    dates = sorted(s.as_of for s in sets)
    rows = []
    for ind_id in TREND_IDS:
        t = trends.get(ind_id)
        if t is None:
            continue
        rows.append(
            {
                "id": ind_id,
                "title": t.title,
                "values": [display(v, t.unit) for _, v in t.points],
                "change": ""
                if t.change_from_previous is None
                else _signed(t.change_from_previous, t.unit),
            }
        )
    return {"dates": dates, "rows": rows}


def _signed(value: float, unit: str) -> str:
    text = display(abs(value), unit)
    if unit == "percent":
        text = f"{abs(value):.1f} percentage points"
    return ("+" if value > 0 else "−" if value < 0 else "") + text


def chart_points(sets: list[IndicatorSet], ind_id: str) -> list[dict[str, Any]]:
    """One indicator over time (oldest first), for a chart and the table beneath it."""
    points = []
    for s in sorted(sets, key=lambda s: s.as_of):
        ind = s.indicators.get(ind_id)
        if ind is not None:
            points.append(
                {"date": s.as_of, "value": ind.value, "text": display(ind.value, ind.unit)}
            )
    return points
