"""Inspection pages: record a notification, read the timeline, manage tasks and briefing details."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sendready.areas.access import area_view, can
from sendready.areas.models import LocalArea
from sendready.areas.navigation import inspection_panels, step_links
from sendready.domain.inspection.frameworks import load_framework
from sendready.domain.inspection.timeline import TimelineError
from sendready.govuk_forms import add_validation_error
from sendready.inspections import actions
from sendready.inspections.access import get_inspection
from sendready.inspections.briefing_actions import BriefingValues, update_briefing
from sendready.inspections.forms import BriefingForm, FrameworkSettingsForm, InspectionForm
from sendready.inspections.hooks import as_active
from sendready.inspections.models import Inspection
from sendready.inspections.presenters import (
    actual_notes,
    countdowns,
    framework_title,
    outcome_summary,
    sources_by_key,
)
from sendready.inspections.timelines import timeline_for


def page_context(request: HttpRequest, area: LocalArea, title: str, **extra) -> dict:
    """What every inspection page needs: the area, its menu state and what the person may change."""
    return {
        "title": title,
        "area": area,
        "active_nav": "inspections",
        "can_manage": can(request.user, "manage_inspection", area),
        "can_manage_tasks": can(request.user, "manage_tasks", area),
        "can_manage_timetable": can(request.user, "manage_timetable", area),
        **extra,
    }


@area_view("view_inspection")
def inspection_list(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Every inspection recorded for the area, the active one first."""
    inspections = Inspection.objects.for_area(area).order_by("status", "-notified_on")
    titles = {i.framework: framework_title(i) for i in inspections}
    return render(
        request,
        "inspections/list.html",
        page_context(
            request, area, "Inspections", inspections=inspections, framework_titles=titles
        ),
    )


@area_view("manage_inspection")
def inspection_new(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Record a notification: the framework and date give every dated step."""
    form = InspectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            inspection = actions.record_inspection(
                actor=request.user,
                area=area,
                framework=form.cleaned_data["framework"],
                notified_on=form.cleaned_data["notified_on"],
                overrides=form.overrides(),
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(
                request, "Inspection recorded. Every step below is dated from the notification."
            )
            return redirect("inspections:detail", area.code, inspection.pk)
    return render(
        request,
        "inspections/new.html",
        page_context(request, area, "Record an inspection notification", form=form),
    )


@area_view("view_inspection")
def inspection_detail(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """The timeline: every milestone with its date, who acts, its source and a countdown."""
    inspection = get_inspection(area, pk)
    milestones = list(inspection.milestones.select_related("task", "task__owner"))
    warnings, needed, notes = [], [], {}
    try:
        timeline = timeline_for(inspection)
        warnings, needed = timeline.warnings, timeline.real_dates_needed
        notes = {m.key: m.note for m in timeline.milestones if m.note}
    except TimelineError:  # an old record the current framework data no longer accepts
        warnings = [
            "This inspection's dates no longer fit the framework data; check the on-site dates."
        ]
    framework = load_framework(inspection.framework)
    return render(
        request,
        "inspections/detail.html",
        page_context(
            request,
            area,
            "Inspection timeline",
            inspection=inspection,
            milestones=milestones,
            countdowns=countdowns(inspection, timezone.now()),
            warnings=warnings,
            real_dates_needed=needed,
            notes=notes,
            actuals=actual_notes(inspection),
            sources=sources_by_key(inspection, milestones),
            outcome=outcome_summary(inspection),
            has_outcomes=bool(framework.outcomes),
            team=inspection.team.all(),
            framework_title=framework_title(inspection),
            panels=inspection_panels(area, request.user, as_active(inspection)),
            step_links=step_links(request.user, area),
        ),
    )


@area_view("view_inspection")
def inspection_countdowns(request: HttpRequest, area: LocalArea, pk: int) -> JsonResponse:
    """Countdowns as JSON, so the timeline page can keep them live."""
    inspection = get_inspection(area, pk)
    return JsonResponse({"countdowns": countdowns(inspection, timezone.now())})


@area_view("manage_inspection")
def inspection_dates(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """Change the on-site dates once inspectors confirm them."""
    inspection = get_inspection(area, pk)
    initial = {
        "framework": inspection.framework,
        "notified_on": inspection.notified_on,
        "onsite_start": inspection.onsite_start,
        "onsite_end": inspection.onsite_end,
    }
    form = InspectionForm(request.POST or None, initial=initial)
    form.fields["framework"].disabled = True
    form.fields["notified_on"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            actions.change_onsite_dates(
                actor=request.user,
                inspection=inspection,
                onsite_start=form.cleaned_data.get("onsite_start"),
                onsite_end=form.cleaned_data.get("onsite_end"),
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "On-site dates saved and the timeline dated again.")
            return redirect("inspections:detail", area.code, inspection.pk)
    return render(
        request,
        "inspections/dates.html",
        page_context(request, area, "Change on-site dates", form=form, inspection=inspection),
    )


@area_view("manage_inspection")
def inspection_briefing_edit(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """What the stakeholder briefing and the key message to families say."""
    inspection = get_inspection(area, pk)
    team_text = "\n".join(
        ", ".join(filter(None, [t.name, t.role, t.organisation])) for t in inspection.team.all()
    )
    initial = {
        name: getattr(inspection, name) for name in BriefingForm.base_fields if name != "team"
    }
    form = BriefingForm(request.POST or None, initial={**initial, "team": team_text})
    if request.method == "POST" and form.is_valid():
        update_briefing(
            actor=request.user,
            inspection=inspection,
            values=BriefingValues(**form.cleaned_data),
            request=request,
        )
        messages.success(request, "Briefing details saved.")
        return redirect("inspections:detail", area.code, inspection.pk)
    return render(
        request,
        "inspections/briefing_edit.html",
        page_context(request, area, "Briefing details", form=form, inspection=inspection),
    )


@area_view("manage_inspection")
@require_POST
def inspection_conclude(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """Mark the inspection as over."""
    inspection = get_inspection(area, pk)
    actions.conclude_inspection(actor=request.user, inspection=inspection, request=request)
    messages.success(request, "Inspection marked as concluded.")
    return redirect("inspections:list", area.code)


@area_view("manage_inspection")
def inspection_settings(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """Change numbers the framework does not fix for certain (e.g. days until the report)."""
    inspection = get_inspection(area, pk)
    framework = load_framework(inspection.framework)
    initial = {
        n: inspection.framework_settings.get(n, s.default) for n, s in framework.settings.items()
    }
    form = FrameworkSettingsForm(request.POST or None, initial=initial, framework=framework)
    if request.method == "POST" and form.is_valid():
        try:
            actions.change_settings(
                actor=request.user,
                inspection=inspection,
                values=form.cleaned_data,
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "Settings saved and the timeline dated again.")
            return redirect("inspections:detail", area.code, inspection.pk)
    return render(
        request,
        "inspections/settings.html",
        page_context(request, area, "Framework settings", form=form, inspection=inspection),
    )
