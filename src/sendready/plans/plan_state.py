"""A plan as it stood at a moment, rebuilt from its history, with each area's RAG on that date.

One path for the plan page (now), the history page (a chosen date) and `sendready plan-summary`,
so they cannot disagree. Measures that follow an indicator take the area's newest snapshot on or
before the date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sendready.areas.registry import SnapshotValues, indicator_snapshots
from sendready.domain.plans import Action, Measure, rag
from sendready.domain.plans.history import as_at, latest_judgement_counts
from sendready.plans.history import REMOVED, change_records
from sendready.plans.models import Plan


@dataclass
class ActionState:
    id: int
    title: str
    owner: str
    start_date: dt.date | None
    due_date: dt.date
    status: str
    updates: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class MeasureState:
    id: int
    name: str
    baseline: float
    target: float
    current: float | None
    lower_is_better: bool
    indicator_id: str
    current_from: str  # where the current value came from, in words


@dataclass
class PlanAreaState:
    id: int
    number: int
    kind: str
    title: str
    description: str
    responsible_body: str
    provider_name: str
    actions: list[ActionState] = field(default_factory=list)
    measures: list[MeasureState] = field(default_factory=list)
    judgements: list[dict[str, Any]] = field(default_factory=list)
    rag: str = "green"

    @property
    def latest_judgement(self) -> dict[str, Any] | None:
        return max(self.judgements, key=lambda j: j["date"]) if self.judgements else None


@dataclass
class PlanState:
    plan: Plan
    when: dt.datetime
    areas: list[PlanAreaState]

    @property
    def day(self) -> dt.date:
        return self.when.date()

    def judgement_counts(self) -> dict[str, int]:
        """`sufficient`/`insufficient` counts of each area's latest judgement (the domain's rule)."""
        return latest_judgement_counts(
            (str(a.number), j["date"], j["judgement"]) for a in self.areas for j in a.judgements
        )


def _day(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _live(items: dict[str, dict[str, Any]], kind: str) -> list[tuple[int, dict[str, Any]]]:
    found = []
    for item, fields in items.items():
        name, _, pk = item.partition(":")
        if name == kind and not fields.get(REMOVED):
            found.append((int(pk), fields))
    return sorted(found)


def _current(fields: dict[str, Any], snapshot: SnapshotValues | None) -> tuple[float | None, str]:
    indicator = fields.get("indicator_id") or ""
    if indicator and snapshot is not None and indicator in snapshot.values:
        value = snapshot.values[indicator]
        if value.value is not None:
            return float(
                value.value
            ), f"{value.title}, snapshot of {snapshot.snapshot_date:%-d %B %Y}"
    current = fields.get("current")
    return (None if current is None else float(current)), "entered by hand"


def _snapshot_on(plan: Plan, day: dt.date) -> SnapshotValues | None:
    return next((s for s in indicator_snapshots(plan.area) if s.snapshot_date <= day), None)


def plan_as_at(plan: Plan, when: dt.date | dt.datetime) -> PlanState:
    """The plan's areas, actions, updates, measures and judgements at the end of `when`."""
    moment = when if isinstance(when, dt.datetime) else dt.datetime.combine(when, dt.time.max)
    items = as_at(change_records(plan), moment)
    snapshot = _snapshot_on(plan, moment.date())
    areas = {
        pk: PlanAreaState(
            id=pk,
            number=int(f["number"]),
            kind=f["kind"],
            title=f["title"],
            description=f.get("description", ""),
            responsible_body=f.get("responsible_body", ""),
            provider_name=f.get("provider_name", ""),
        )
        for pk, f in _live(items, "area")
    }
    actions: dict[int, ActionState] = {}
    for pk, f in _live(items, "action"):
        if f["plan_area_id"] in areas:
            actions[pk] = ActionState(
                pk,
                f["title"],
                f["owner"],
                _day(f["start_date"]),
                dt.date.fromisoformat(f["due_date"]),
                f["status"],
            )
            areas[f["plan_area_id"]].actions.append(actions[pk])
    for _, f in _live(items, "update"):
        if f["action_id"] in actions:
            actions[f["action_id"]].updates.append({**f, "date": _day(f["date"])})
    for pk, f in _live(items, "measure"):
        if f["plan_area_id"] in areas:
            current, source = _current(f, snapshot)
            areas[f["plan_area_id"]].measures.append(
                MeasureState(
                    pk,
                    f["name"],
                    float(f["baseline"]),
                    float(f["target"]),
                    current,
                    bool(f["lower_is_better"]),
                    f.get("indicator_id") or "",
                    source,
                )
            )
    for pk, f in _live(items, "judgement"):
        if f["plan_area_id"] in areas:
            areas[f["plan_area_id"]].judgements.append({**f, "id": pk, "date": _day(f["date"])})
    for area in areas.values():
        area.rag = _rag(area, moment.date())
        for action in area.actions:
            action.updates.sort(key=lambda u: u["date"], reverse=True)
    return PlanState(plan, moment, sorted(areas.values(), key=lambda a: a.number))


def _rag(area: PlanAreaState, day: dt.date) -> str:
    return rag(
        [Action(due=a.due_date, complete=a.status == "complete") for a in area.actions],
        [Measure(m.baseline, m.target, m.current, m.lower_is_better) for m in area.measures],
        day,
    )
