"""Plan pages: the list, starting a plan by hand, and one plan with its areas, RAG and rules."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendready.areas.access import area_view, can
from sendready.areas.models import LocalArea
from sendready.domain.plans import PLAN_DATA, plan_type, rag_text
from sendready.govuk_forms import add_validation_error
from sendready.plans import actions
from sendready.plans.access import get_plan, inspections_of
from sendready.plans.constants import ActionStatus, ResponsibleBody
from sendready.plans.forms import PlanForm
from sendready.plans.models import Plan
from sendready.plans.plan_state import plan_as_at


def page_context(request: HttpRequest, area: LocalArea, title: str, **extra) -> dict:
    """What every plans page needs."""
    return {
        "title": title,
        "area": area,
        "active_nav": "plans",
        "can_edit": can(request.user, "edit_plans", area),
        "area_kinds": PLAN_DATA["area_kinds"],
        "bodies": dict(ResponsibleBody.choices),
        "statuses": dict(ActionStatus.choices),
        **extra,
    }


@area_view("view_plans")
def plan_list(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Every plan of the area, newest first, with each one's due date and areas by RAG."""
    now = timezone.now()
    rows = [
        {"plan": p, "kind": plan_type(p.plan_type), "state": plan_as_at(p, now)}
        for p in Plan.objects.for_area(area).select_related("inspection")
    ]
    return render(
        request, "plans/list.html", page_context(request, area, "Improvement plans", rows=rows)
    )


@area_view("edit_plans")
def plan_new(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Start a plan by hand: a strategic plan, the area's own plan, or one an outcome did not make."""
    form = PlanForm(request.POST or None, inspections=inspections_of(area))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = actions.create_plan(
                actor=request.user,
                area=area,
                plan_type_key=data["plan_type"],
                title=data["title"] or "",
                inspection_id=data["inspection"],
                report_date=data["report_date"],
                areas=data["areas"],
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "Plan started.")
            return redirect("plans:detail", area.code, plan.pk)
    kinds = [plan_type(key) for key, _ in form.fields["plan_type"].choices]  # type: ignore[attr-defined]
    return render(
        request,
        "plans/plan_new.html",
        page_context(request, area, "Start a plan", form=form, kinds=kinds),
    )


@area_view("view_plans")
def plan_detail(request: HttpRequest, area: LocalArea, plan_id: int) -> HttpResponse:
    """One plan: each area with its RAG, actions, measures and judgements, and the RAG rules."""
    plan = get_plan(area, plan_id)
    state = plan_as_at(plan, timezone.now())
    return render(
        request,
        "plans/plan.html",
        page_context(
            request,
            area,
            plan.title,
            plan=plan,
            kind=plan_type(plan.plan_type),
            state=state,
            counts=state.judgement_counts(),
            rules=rag_text(),
            today=timezone.localdate(),
        ),
    )
