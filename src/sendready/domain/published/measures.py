"""The figures DfE publishes by local authority that we show, from data/measures.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Literal

Better = Literal["higher", "lower"] | None


@dataclass(frozen=True)
class PublishedMeasure:
    """One published figure: what it counts, which way is better, and our figure it stands beside."""

    id: str
    title: str
    unit: str
    better: Better
    indicator: str | None
    period: str  # "calendar" (a calendar year) or "january" (the January census)
    definition: str
    differs: str
    sources: tuple[dict[str, Any], ...]
    region_note: str = ""

    def period_label(self, year: str) -> str:
        """How people name the period: 'January 2025' or '2024' (a calendar year)."""
        return f"January {year}" if self.period == "january" else year

    def period_end(self, year: str) -> date:
        """The last day of the period DfE counts for `year`."""
        return date(int(year), 1, 31) if self.period == "january" else date(int(year), 12, 31)

    @property
    def rank_order(self) -> str:
        """Plain words on what rank 1 means."""
        if self.better == "higher":
            return "1 is the highest (higher is better)"
        if self.better == "lower":
            return "1 is the lowest (lower is better)"
        return "1 is the largest (neither higher nor lower is better in itself)"


def _text(name: str) -> str:
    return resources.files("sendready.domain.published").joinpath(f"data/{name}").read_text("utf-8")


@cache
def _measures() -> tuple[PublishedMeasure, ...]:
    raw = json.loads(_text("measures.json"))["measures"]
    return tuple(
        PublishedMeasure(
            id=m["id"],
            title=m["title"],
            unit=m["unit"],
            better=m["better"],
            indicator=m["indicator"],
            period=m["period"],
            definition=m["definition"],
            differs=m["differs"],
            sources=tuple(m["sources"]),
            region_note=m.get("region_note", ""),
        )
        for m in raw
    )


def load_measures() -> list[PublishedMeasure]:
    """Every published measure, in display order."""
    return list(_measures())


def measure_for_indicator(indicator_id: str) -> PublishedMeasure | None:
    """The published measure that stands beside one of our indicators, if DfE publishes one."""
    return next((m for m in _measures() if m.indicator == indicator_id), None)


@cache
def provenance() -> dict[str, Any]:
    """Where the shipped figures come from: titles, addresses, releases, licence, when retrieved."""
    data: dict[str, Any] = json.loads(_text("provenance.json"))
    return data
