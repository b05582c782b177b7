"""Pages to enter a step's real date and to record the inspection's outcome."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.domain.inspection.frameworks import load_framework
from sendready.govuk_forms import add_validation_error
from sendready.inspections.access import get_inspection
from sendready.inspections.outcome_actions import record_outcome, set_actual_dates
from sendready.inspections.outcome_forms import ActualDateForm, OutcomeForm, date_names
from sendready.inspections.timelines import overrides_of
from sendready.inspections.views import page_context


@area_view("manage_inspection")
def step_actual(request: HttpRequest, area: LocalArea, pk: int, step_key: str) -> HttpResponse:
    """Enter the real date of one step; the steps chained from it move."""
    inspection = get_inspection(area, pk)
    framework = load_framework(inspection.framework)
    try:
        step = framework.step(step_key)
    except KeyError:
        raise Http404("No such step") from None
    current = overrides_of(inspection)
    initial = {name: current.get(name) for name in date_names(step)}
    form = ActualDateForm(request.POST or None, initial=initial, step=step)
    if request.method == "POST" and form.is_valid():
        try:
            set_actual_dates(
                actor=request.user, inspection=inspection, dates=form.dates(), request=request
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(
                request,
                f"Real date saved for '{step.title}'. Steps that follow it are dated again.",
            )
            return redirect("inspections:detail", area.code, inspection.pk)
    milestone = inspection.milestones.filter(key=step_key).first()
    return render(
        request,
        "inspections/step_actual.html",
        page_context(
            request,
            area,
            f"Real date: {step.title}",
            form=form,
            inspection=inspection,
            step=step,
            milestone=milestone,
        ),
    )


@area_view("manage_inspection")
def inspection_outcome(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """Record the outcome as the framework defines it; only its follow-ups stay on the timeline."""
    inspection = get_inspection(area, pk)
    framework = load_framework(inspection.framework)
    if not framework.outcomes:
        raise Http404("This framework has no outcomes")
    initial = {
        "key": inspection.outcome_key,
        **inspection.outcome_counts,
        "findings": inspection.outcome_findings,
        "report_date": overrides_of(inspection).get(framework.report_step or ""),
        "judgements": "\n".join(
            f"{n} {j}"
            for n, j in sorted(inspection.outcome_judgements.items(), key=lambda item: int(item[0]))
        ),
    }
    form = OutcomeForm(request.POST or None, initial=initial, framework=framework)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record_outcome(
                actor=request.user,
                inspection=inspection,
                key=data["key"],
                report_date=data["report_date"],
                counts=form.counts(),
                judgements=data.get("judgements") or {},
                findings=data["findings"],
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(
                request, "Outcome recorded. Only its follow-ups remain, dated from the report."
            )
            return redirect("inspections:detail", area.code, inspection.pk)
    return render(
        request,
        "inspections/outcome.html",
        page_context(
            request,
            area,
            "Record the outcome",
            form=form,
            inspection=inspection,
            framework=framework,
        ),
    )
