"""Each plan of an area on a date, as plain values: what `sendready plan-summary` prints."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sendready.areas.models import LocalArea
from sendready.domain.plans import plan_type
from sendready.plans.models import Plan
from sendready.plans.plan_state import PlanAreaState, plan_as_at


def _area(a: PlanAreaState, day: dt.date) -> dict[str, Any]:
    latest = a.latest_judgement
    return {
        "number": a.number,
        "title": a.title,
        "kind": a.kind,
        "responsible_body": a.responsible_body,
        "provider_name": a.provider_name,
        "rag": a.rag,
        "actions": len(a.actions),
        "actions_complete": sum(1 for x in a.actions if x.status == "complete"),
        "actions_overdue": sum(1 for x in a.actions if x.status != "complete" and x.due_date < day),
        "measures": len(a.measures),
        "latest_judgement": latest["judgement"] if latest else None,
        "latest_judgement_date": latest["date"].isoformat() if latest else None,
    }


def plan_summaries(area: LocalArea, day: dt.date) -> list[dict[str, Any]]:
    """Every plan the area had at the end of `day`, each area with its RAG and the judgement counts."""
    found = []
    for plan in Plan.objects.for_area(area).order_by("created_at", "pk"):
        if not plan.changes.filter(at__date__lte=day).exists():
            continue  # made after the date
        state = plan_as_at(plan, day)
        counts = state.judgement_counts()
        found.append(
            {
                "id": plan.pk,
                "type": plan.plan_type,
                "type_title": plan_type(plan.plan_type).title,
                "title": plan.title,
                "due_date": plan.due_date.isoformat() if plan.due_date else None,
                "inspection_id": plan.inspection_id,
                "sufficient": counts["sufficient"],
                "insufficient": counts["insufficient"],
                "areas": [_area(a, day) for a in state.areas],
            }
        )
    return found
