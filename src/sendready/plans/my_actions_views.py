"""Actions you own: every open and finished action of the area's plans whose owner is the person."""

from __future__ import annotations

from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.domain.dates.workdays import add_working_days
from sendready.domain.plans import PLAN_DATA
from sendready.plans.constants import ActionStatus
from sendready.plans.models import PlanAction
from sendready.plans.views import page_context


def tag_for(action: PlanAction, today, soon) -> tuple[str, str] | None:
    """The RAG-relevant tag of an action: overdue (red) or falling due within the amber window."""
    if action.status == ActionStatus.COMPLETE:
        return None
    if action.due_date < today:
        return "Overdue", "govuk-tag--red"
    if action.due_date <= soon:
        return "Falls due soon", "govuk-tag--yellow"
    return None


@area_view("view_plans")
def my_actions(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """The person's own actions across the area's plans, grouped by plan and area of the plan."""
    today = timezone.localdate()
    soon = add_working_days(today, int(PLAN_DATA["rag"]["amber_working_days"]))
    actions = (
        PlanAction.objects.filter(owner_id=request.user.pk, plan_area__plan__area=area)
        .select_related("plan_area__plan")
        .order_by(
            "plan_area__plan__created_at",
            "plan_area__plan_id",
            "plan_area__number",
            "due_date",
            "pk",
        )
    )
    groups = [
        {
            "plan": plan_area.plan,
            "plan_area": plan_area,
            "rows": [{"action": a, "tag": tag_for(a, today, soon)} for a in rows],
        }
        for plan_area, rows in (
            (k, list(g)) for k, g in groupby(actions, key=lambda a: a.plan_area)
        )
    ]
    open_count = sum(1 for a in actions if a.status != ActionStatus.COMPLETE)
    return render(
        request,
        "plans/my_actions.html",
        page_context(
            request,
            area,
            "Actions you own",
            groups=groups,
            open_count=open_count,
            soon=soon,
            today=today,
        ),
    )
