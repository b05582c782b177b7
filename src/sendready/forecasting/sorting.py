"""Server-side sorting of the forecast tables (works without JavaScript)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sendready.domain.forecasting.terms import term_by_name
from sendready.domain.forecasting.values import RegionalRow

# key -> (header text, sort key)
SORT_COLUMNS: dict[str, tuple[str, Callable[[RegionalRow], Any]]] = {
    "area": ("Area", lambda r: r.area_name),
    "region": ("Region", lambda r: (r.region, r.area_name)),
    "last": ("Last full inspection", lambda r: r.last_inspection_date or date.min),
    "type": ("Type", lambda r: r.last_inspection_type),
    "outcome": ("Outcome", lambda r: r.outcome),
    "since": ("Time since", lambda r: -(r.last_inspection_date or date.min).toordinal()),
    "term": ("Most likely term", lambda r: (_term_start(r.most_likely_term), -r.probability)),
    "probability": ("Probability", lambda r: r.probability),
}


def _term_start(words: str) -> date:
    """A term's first day; 'Not expected in the next six terms' sorts after every term."""
    return date.max if words.startswith("Not expected") else term_by_name(words).start


def sort_rows(rows: list[RegionalRow], key: str, descending: bool) -> list[RegionalRow]:
    """Rows sorted by a known column key; unknown keys keep the domain's order."""
    if key not in SORT_COLUMNS:
        return rows
    return sorted(rows, key=SORT_COLUMNS[key][1], reverse=descending)
