"""What changed in a plan between two dates, in words people read, and the moments to compare with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sendready.domain.plans.history import changed_since
from sendready.plans.history import REMOVED, change_records
from sendready.plans.models import Plan

KIND_WORDS = {
    "plan": "Plan",
    "area": "Area",
    "action": "Action",
    "update": "Update",
    "measure": "Measure",
    "judgement": "Judgement",
}
FIELD_WORDS = {
    "plan_type": "type",
    "inspection_id": "inspection",
    "due_date": "due date",
    "start_date": "start date",
    "responsible_body": "responsible body",
    "provider_name": "provider",
    "plan_area_id": "area of the plan",
    "action_id": "action",
    "evidence_url": "evidence link",
    "lower_is_better": "lower is better",
    "indicator_id": "indicator followed",
    REMOVED: "removed",
}


@dataclass(frozen=True)
class Moment:
    key: str
    label: str
    day: dt.date


@dataclass(frozen=True)
class ChangeRow:
    kind: str
    item_id: int
    what: str  # the object's name as it stands now (or stood last)
    field: str
    before: Any
    after: Any


def since_choices(plan: Plan, today: dt.date) -> list[Moment]:
    """Dates worth comparing with: the last judgement (monitoring), the plan's start, the inspection."""
    found = []
    judged = plan.changes.filter(object_kind="judgement", field="date").values_list(
        "after", flat=True
    )
    days = [dt.date.fromisoformat(d) for d in judged if d]
    if days:
        found.append(Moment("judgement", "the last judgement", max(days)))
    first = plan.changes.order_by("at").first()
    if first is not None:
        found.append(Moment("start", "the plan was made", first.at.date()))
    if plan.inspection is not None:
        found.append(
            Moment("inspection", "the inspection was notified", plan.inspection.notified_on)
        )
    found.append(Moment("month", "a month ago", today - dt.timedelta(days=30)))
    return [m for m in found if m.day <= today]


def _names(plan: Plan) -> dict[str, str]:
    names: dict[str, str] = {}
    for c in plan.changes.filter(field__in=("title", "name", "note", "judgement")).order_by("at"):
        names[f"{c.object_kind}:{c.object_id}"] = str(c.after)[:80]
    return names


def what_changed(plan: Plan, since: dt.date, until: dt.date) -> list[ChangeRow]:
    """Every field that differs between the end of `since` and the end of `until`."""
    names = _names(plan)
    rows = []
    for d in changed_since(change_records(plan), since, until):
        kind, _, pk = d.item.partition(":")
        rows.append(
            ChangeRow(
                kind=KIND_WORDS.get(kind, kind),
                item_id=int(pk),
                what=names.get(d.item, ""),
                field=FIELD_WORDS.get(d.field, d.field.replace("_", " ")),
                before=d.before,
                after=d.after,
            )
        )
    return rows
