"""Plan types, due dates, RAG status and re-visit follow-ups, from data/plans.json."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sendready.domain.dates.workdays import add_working_days
from sendready.domain.inspection.outcomes import FollowUp, follow_ups

PLAN_DATA: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "plans.json").read_text())


@dataclass(frozen=True)
class PlanType:
    key: str
    title: str
    framework: str
    outcome: str
    due_step: str | None
    area_kind: str
    rule: str
    # The outcome count (or re-visit judgement) that says how many areas the plan starts with.
    areas_from: str = ""


@dataclass(frozen=True)
class Action:
    """An action as the RAG rule sees it."""

    due: dt.date
    complete: bool = False


@dataclass(frozen=True)
class Measure:
    """A measure as the RAG rule sees it; higher is better unless lower_is_better."""

    baseline: float
    target: float
    current: float | None
    lower_is_better: bool = False


def _types() -> dict[str, PlanType]:
    return {t["key"]: PlanType(**t) for t in PLAN_DATA["plan_types"]}


def plan_type(key: str) -> PlanType:
    types = _types()
    if key not in types:
        raise ValueError(f"Unknown plan type {key!r}. Use one of: {', '.join(types)}.")
    return types[key]


def plan_type_for_outcome(framework: str, outcome_key: str) -> PlanType | None:
    """The plan a recorded outcome requires, or None when it requires none."""
    for t in _types().values():
        if t.outcome and t.framework == framework and t.outcome == outcome_key:
            return t
    return None


def plan_due(key: str, report_date: dt.date) -> dt.date | None:
    """When the plan is due, from the inspection timeline's own follow-up step (None: no date is fixed)."""
    t = plan_type(key)
    if t.due_step is None:
        return None
    for f in follow_ups(t.framework, t.outcome, report_date):
        if f.key == t.due_step:
            return f.date
    raise ValueError(f"The {t.framework} timeline has no step {t.due_step!r}.")


def rag_text() -> list[str]:
    """The RAG rule in words, as shown on the plan page."""
    return list(PLAN_DATA["rag"]["text"])


def _behind(m: Measure) -> bool:
    if m.current is None:
        return False
    return m.current < m.baseline if not m.lower_is_better else m.current > m.baseline


def _met(m: Measure) -> bool:
    if m.current is None:
        return False
    return m.current >= m.target if not m.lower_is_better else m.current <= m.target


def rag(actions: Iterable[Action], measures: Iterable[Measure], as_of: dt.date) -> str:
    """'red', 'amber' or 'green' for an area of the plan on a date (see rag_text)."""
    actions, measures = list(actions), list(measures)
    open_actions = [a for a in actions if not a.complete]
    if any(a.due < as_of for a in open_actions) or any(_behind(m) for m in measures):
        return "red"
    soon = add_working_days(as_of, int(PLAN_DATA["rag"]["amber_working_days"]))
    if any(a.due <= soon for a in open_actions) or any(not _met(m) for m in measures):
        return "amber"
    return "green"


@dataclass(frozen=True)
class RevisitResult:
    outcome: str
    summary: str
    follow_ups: list[FollowUp]
    sufficient: int
    insufficient: int


def revisit_follow_ups(judgements: Mapping[str, str], letter_date: dt.date) -> RevisitResult:
    """Judgements per area ('sufficient'/'insufficient') to the re-visit outcome and its dated follow-ups."""
    if not judgements:
        raise ValueError("Record a judgement for at least one area of significant weakness.")
    bad = {k: v for k, v in judgements.items() if v not in ("sufficient", "insufficient")}
    if bad:
        area, value = next(iter(bad.items()))
        raise ValueError(
            f"Area {area!r}: judgement must be 'sufficient' or 'insufficient', not {value!r}."
        )
    insufficient = sum(1 for v in judgements.values() if v == "insufficient")
    outcome = "insufficient" if insufficient else "sufficient"
    summary = PLAN_DATA["revisit"]["any_insufficient" if insufficient else "all_sufficient"]
    return RevisitResult(
        outcome=outcome,
        summary=summary,
        follow_ups=follow_ups("2016-revisit", outcome, letter_date),
        sufficient=len(judgements) - insufficient,
        insufficient=insufficient,
    )
