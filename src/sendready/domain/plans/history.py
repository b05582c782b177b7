"""A plan's history of changes: the plan as at any date, and what changed since a date.

Changes are plain records (when, what, field, value), so the same rules serve the models, the
monitoring report and the plan-summary command.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PlanChange:
    """One recorded change: `item` (e.g. 'action:12') had `field` set to `value` at `at`."""

    at: dt.datetime
    item: str
    field: str
    value: Any


def _end_of(day: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(day, dt.datetime):
        return day
    return dt.datetime.combine(day, dt.time.max)


def as_at(changes: Iterable[PlanChange], when: dt.date | dt.datetime) -> dict[str, dict[str, Any]]:
    """Each item's fields as they stood at the end of `when` (items made later are left out)."""
    cut = _end_of(when)
    state: dict[str, dict[str, Any]] = {}
    for c in sorted(changes, key=lambda c: c.at):
        if c.at.replace(tzinfo=None) > cut.replace(tzinfo=None):
            break
        state.setdefault(c.item, {})[c.field] = c.value
    return state


@dataclass(frozen=True)
class Difference:
    item: str
    field: str
    before: Any
    after: Any


def changed_since(
    changes: Iterable[PlanChange], since: dt.date | dt.datetime, until: dt.date | dt.datetime
) -> list[Difference]:
    """Every field whose value differs between the end of `since` and the end of `until`."""
    changes = list(changes)
    if _end_of(until).replace(tzinfo=None) < _end_of(since).replace(tzinfo=None):
        raise ValueError("The 'since' date must be on or before the report date.")
    before, after = as_at(changes, since), as_at(changes, until)
    found: list[Difference] = []
    for item in sorted(set(before) | set(after)):
        old, new = before.get(item, {}), after.get(item, {})
        for field in sorted(set(old) | set(new)):
            if old.get(field) != new.get(field):
                found.append(Difference(item, field, old.get(field), new.get(field)))
    return found


def latest_judgement_counts(judgements: Iterable[tuple[str, dt.date, str]]) -> dict[str, int]:
    """From (area, date, judgement) rows, the `sufficient`/`insufficient` counts of each area's latest."""
    latest: dict[str, tuple[dt.date, str]] = {}
    for area, day, value in judgements:
        if area not in latest or day >= latest[area][0]:
            latest[area] = (day, value)
    counts = {"sufficient": 0, "insufficient": 0}
    for _, value in latest.values():
        if value not in counts:
            raise ValueError(f"Judgement must be 'sufficient' or 'insufficient', not {value!r}.")
        counts[value] += 1
    return counts
