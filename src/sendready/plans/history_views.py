"""The plan as it stood on a chosen date, and what changed since a date, with before and after."""

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.domain.plans import rag_text
from sendready.plans.access import get_plan
from sendready.plans.changes import since_choices, what_changed
from sendready.plans.forms import HistoryForm
from sendready.plans.plan_state import plan_as_at
from sendready.plans.views import page_context


@area_view("view_plans")
def history(request: HttpRequest, area: LocalArea, plan_id: int) -> HttpResponse:
    """Baseline and changes: `on` (default today) and `since` (a date, or a named moment)."""
    plan = get_plan(area, plan_id)
    today = timezone.localdate()
    choices = since_choices(plan, today)
    form = HistoryForm(request.GET if "on_day" in request.GET else None)
    on: dt.date = today
    since: dt.date | None = choices[0].day if choices else None
    if form.is_bound and form.is_valid():
        on = form.cleaned_data["on"] or today
        since = form.cleaned_data["since"] or since
    elif not form.is_bound and request.GET.get("since"):
        since = next((c.day for c in choices if c.key == request.GET["since"]), since)
    if since and since > on and not form.errors:
        form.add_error(
            "since", "The 'since' date must be on or before the date the plan is shown on."
        )
    state = plan_as_at(plan, on)
    changes = what_changed(plan, since, on) if since and not form.errors else []
    return render(
        request,
        "plans/history.html",
        page_context(
            request,
            area,
            f"History: {plan.title}",
            plan=plan,
            form=form if form.errors else None,
            history_form=form,
            state=state,
            counts=state.judgement_counts(),
            on=on,
            since=since,
            choices=choices,
            changes=changes,
            rules=rag_text(),
            today=today,
        ),
    )
