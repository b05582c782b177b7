"""Changing a plan: name an area, add or change actions and measures, dated updates, judgements."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.govuk_forms import GovukDateField, add_validation_error
from sendready.plans import actions, judgement_actions, work_actions
from sendready.plans.access import (
    get_action,
    get_measure,
    get_plan,
    get_plan_area,
    inspections_of,
)
from sendready.plans.forms import ActionForm, AreaForm, JudgementForm, MeasureForm, UpdateForm
from sendready.plans.models import Plan
from sendready.plans.views import page_context


def field_kinds(form: forms.Form) -> list[tuple[str, str]]:
    """Each field with the GOV.UK component that shows it, for the one form template."""
    kinds = []
    for name, field in form.fields.items():
        if isinstance(field, GovukDateField):
            kind = "date"
        elif isinstance(field.widget, forms.RadioSelect):
            kind = "radios"
        elif isinstance(field.widget, forms.Select):
            kind = "select"
        elif isinstance(field.widget, forms.Textarea):
            kind = "textarea"
        else:
            kind = "input"
        kinds.append((name, kind))
    return kinds


def _form_page(
    request: HttpRequest,
    area: LocalArea,
    plan: Plan,
    form: forms.Form,
    title: str,
    save: Callable[[dict[str, Any]], object],
    done: str,
    **extra: Any,
) -> HttpResponse:
    """Bind, call the action, and go back to the plan; or show the form with the action's errors."""
    back = reverse("plans:detail", args=[area.code, plan.pk])
    if request.method == "POST" and form.is_valid():
        try:
            save(form.values() if hasattr(form, "values") else dict(form.cleaned_data))
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, done)
            return redirect(back + extra.pop("anchor", ""))
    extra.pop("anchor", None)
    return render(
        request,
        "plans/form.html",
        page_context(
            request, area, title, plan=plan, form=form, fields=field_kinds(form), back=back, **extra
        ),
    )


@area_view("edit_plans")
def area_add(request: HttpRequest, area: LocalArea, plan_id: int) -> HttpResponse:
    """Add an area to the plan, numbered after the last."""
    plan = get_plan(area, plan_id)
    form = AreaForm(request.POST or None)
    form.fields["responsible_body"].initial = "both"
    return _form_page(
        request,
        area,
        plan,
        form,
        "Add an area to the plan",
        lambda v: actions.add_plan_area(actor=request.user, plan=plan, request=request, **v),
        "Area added.",
    )


@area_view("edit_plans")
def area_edit(request: HttpRequest, area: LocalArea, plan_id: int, number: int) -> HttpResponse:
    """Name an area as the report does, and who is responsible for it."""
    plan = get_plan(area, plan_id)
    plan_area = get_plan_area(plan, number)
    initial = {
        k: getattr(plan_area, k)
        for k in ("title", "description", "responsible_body", "provider_name")
    }
    return _form_page(
        request,
        area,
        plan,
        AreaForm(request.POST or None, initial=initial),
        f"Area {number}: name and responsibility",
        lambda v: actions.edit_plan_area(
            actor=request.user, plan_area=plan_area, request=request, **v
        ),
        "Area saved.",
        anchor=f"#area-{number}",
        plan_area=plan_area,
    )


@area_view("edit_plans")
def action_form(
    request: HttpRequest, area: LocalArea, plan_id: int, number: int, action_id: int | None = None
) -> HttpResponse:
    """Add an action to an area, or change one: owner, dates and status."""
    plan = get_plan(area, plan_id)
    plan_area = get_plan_area(plan, number)
    action = get_action(plan_area, action_id) if action_id else None
    initial = (
        {
            "title": action.title,
            "owner": action.owner_id,
            "start_date": action.start_date,
            "due_date": action.due_date,
            "status": action.status,
        }
        if action
        else {"owner": request.user.pk, "status": "not_started"}
    )
    return _form_page(
        request,
        area,
        plan,
        ActionForm(request.POST or None, initial=initial, area=area),
        "Change the action" if action else f"Add an action to area {number}",
        lambda v: work_actions.save_action(
            actor=request.user, plan_area=plan_area, action=action, request=request, **v
        ),
        "Action saved.",
        anchor=f"#area-{number}",
        plan_area=plan_area,
    )


@area_view("edit_plans")
def update_new(
    request: HttpRequest, area: LocalArea, plan_id: int, number: int, action_id: int
) -> HttpResponse:
    """A dated note of progress on an action, with an optional evidence link."""
    plan = get_plan(area, plan_id)
    action = get_action(get_plan_area(plan, number), action_id)
    return _form_page(
        request,
        area,
        plan,
        UpdateForm(request.POST or None),
        f"Add an update: {action.title}",
        lambda v: work_actions.add_action_update(
            actor=request.user, action=action, request=request, **v
        ),
        "Update added.",
        anchor=f"#area-{number}",
    )


@area_view("edit_plans")
def measure_form(
    request: HttpRequest,
    area: LocalArea,
    plan_id: int,
    number: int,
    measure_id: int | None = None,
) -> HttpResponse:
    """Add a measure of success to an area, or change one; it may follow an indicator."""
    plan = get_plan(area, plan_id)
    plan_area = get_plan_area(plan, number)
    measure = get_measure(plan_area, measure_id) if measure_id else None
    initial: dict[str, Any] = {"lower_is_better": "no"}
    if measure is not None:
        initial = {
            f: getattr(measure, f)
            for f in ("name", "baseline", "target", "current", "indicator_id")
        } | {"lower_is_better": "yes" if measure.lower_is_better else "no"}
    return _form_page(
        request,
        area,
        plan,
        MeasureForm(request.POST or None, initial=initial),
        "Change the measure" if measure else f"Add a measure to area {number}",
        lambda v: work_actions.save_measure(
            actor=request.user,
            plan_area=plan_area,
            measure=measure,
            request=request,
            **(v | {"lower_is_better": v["lower_is_better"] == "yes"}),
        ),
        "Measure saved.",
        anchor=f"#area-{number}",
        plan_area=plan_area,
    )


@area_view("edit_plans")
def judgement_new(request: HttpRequest, area: LocalArea, plan_id: int) -> HttpResponse:
    """Record a re-visit's or monitoring inspection's judgement of one area of the plan."""
    plan = get_plan(area, plan_id)
    initial = {"number": request.GET.get("number")}
    return _form_page(
        request,
        area,
        plan,
        JudgementForm(
            request.POST or None, initial=initial, plan=plan, inspections=inspections_of(area)
        ),
        "Record a judgement",
        lambda v: judgement_actions.record_judgement(
            actor=request.user,
            plan=plan,
            number=v["number"],
            judgement=v["judgement"],
            date=v["date"],
            inspection_id=v["inspection"],
            findings=v["findings"],
            request=request,
        ),
        "Judgement recorded.",
    )
