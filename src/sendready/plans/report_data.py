"""The monitoring report's content: the plan as at the meeting date, and progress since the last report.

"The last report" is the latest monitoring report recorded for an earlier meeting, or the day the plan
was made when there is none. Both the Word file and the workbook are built from this one reading."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sendready.domain.plans import plan_type, rag_text
from sendready.plans.changes import ChangeRow, what_changed
from sendready.plans.constants import ActionStatus, Progress, ResponsibleBody
from sendready.plans.models import Plan
from sendready.plans.plan_state import (
    ActionState,
    MeasureState,
    PlanAreaState,
    PlanState,
    plan_as_at,
)
from sendready.plans.report_models import MonitoringReport

RAG_WORDS = {"red": "Red", "amber": "Amber", "green": "Green"}


@dataclass(frozen=True)
class UpdateRow:
    area_number: int
    action: str
    date: dt.date
    note: str
    evidence_url: str


@dataclass(frozen=True)
class ReportData:
    plan: Plan
    meeting_date: dt.date
    since: dt.date
    since_label: str  # "the last report (meeting of ...)" or "the plan was made"
    state: PlanState
    changes: list[ChangeRow]
    updates: list[UpdateRow]

    @property
    def type_title(self) -> str:
        return plan_type(self.plan.plan_type).title


def plan_start(plan: Plan) -> dt.date | None:
    """The day the plan's history begins (the day it was made)."""
    first = plan.changes.order_by("at", "pk").first()
    return first.at.date() if first is not None else None


def last_report_before(plan: Plan, meeting_date: dt.date) -> MonitoringReport | None:
    return plan.reports.filter(meeting_date__lt=meeting_date).order_by("-meeting_date").first()


def report_data(plan: Plan, meeting_date: dt.date) -> ReportData:
    """The plan as it stood at the end of the meeting date and what changed since the last report."""
    previous = last_report_before(plan, meeting_date)
    start = plan_start(plan) or meeting_date
    if previous is not None:
        since, label = (
            previous.meeting_date,
            f"the last report (meeting of {previous.meeting_date:%-d %B %Y})",
        )
    else:
        since, label = min(start, meeting_date), "the plan was made"
    state = plan_as_at(plan, meeting_date)
    updates = [
        UpdateRow(a.number, act.title, u["date"], u.get("note", ""), u.get("evidence_url", ""))
        for a in state.areas
        for act in a.actions
        for u in act.updates
        if u["date"] is not None and since < u["date"] <= meeting_date
    ]
    updates.sort(key=lambda u: (u.area_number, u.date))
    return ReportData(
        plan=plan,
        meeting_date=meeting_date,
        since=since,
        since_label=label,
        state=state,
        changes=what_changed(plan, since, meeting_date),
        updates=updates,
    )


# Words shared by the Word file and the workbook.


def body_words(area: PlanAreaState) -> str:
    body = dict(ResponsibleBody.choices).get(area.responsible_body, area.responsible_body)
    return f"{body}: {area.provider_name}" if area.provider_name else body


def rule_sentence(colour: str) -> str:
    """The sentence of the RAG rule that gives this colour."""
    return next((s for s in rag_text() if s.lower().startswith(colour)), "")


def judgement_words(area: PlanAreaState) -> tuple[str, dt.date | None]:
    latest = area.latest_judgement
    if latest is None:
        return "Not judged yet", None
    return dict(Progress.choices).get(latest["judgement"], latest["judgement"]), latest["date"]


def status_words(action: ActionState) -> str:
    return dict(ActionStatus.choices).get(action.status, action.status)


def is_overdue(action: ActionState, day: dt.date) -> bool:
    return action.status != ActionStatus.COMPLETE and action.due_date < day


def measure_met(m: MeasureState) -> bool | None:
    if m.current is None:
        return None
    return m.current <= m.target if m.lower_is_better else m.current >= m.target


def direction_words(m: MeasureState) -> str:
    return "Lower is better" if m.lower_is_better else "Higher is better"


def shown(value: Any) -> str:
    """A history value in words: absent, empty or as stored."""
    if value is None:
        return "Not there"
    if value == "":
        return "Empty"
    return str(value)
