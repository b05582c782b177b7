"""The outcome self-assessment: the area's answers, the outcome they point to and what would follow."""

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.selfevaluation import actions
from sendready.selfevaluation.access import criteria_of, get_self_evaluation
from sendready.selfevaluation.assessment_forms import AssessmentForm
from sendready.selfevaluation.presenters import saved_assessment, suggestion
from sendready.selfevaluation.views import page_context


def _report_date(request: HttpRequest) -> dt.date:
    try:
        return dt.date.fromisoformat(request.GET.get("report_date", ""))
    except ValueError:
        return timezone.localdate()


@area_view("view_self_evaluation")
def assessment(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """What the area's saved answers point to, why, and the follow-ups dated from a report date."""
    sef = get_self_evaluation(area)
    report_date = _report_date(request)
    criteria = criteria_of(sef)
    return render(
        request,
        "selfevaluation/assessment.html",
        page_context(
            request,
            area,
            sef,
            "Outcome self-assessment",
            result=saved_assessment(sef, report_date),
            suggested=suggestion(sef, criteria),
            report_date=report_date,
            history=sef.changes.filter(criterion_key="")[:30],
        ),
    )


@area_view("assess_outcome")
def assessment_edit(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Answer the four questions; the criteria's positions suggest the answers."""
    sef = get_self_evaluation(area)
    suggested = suggestion(sef, criteria_of(sef))
    initial = (
        {f: getattr(sef, f) for f in actions.ASSESSMENT_LABELS}
        if sef.assessed
        else suggested.answers.as_dict()
    )
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changed = actions.save_assessment(
            actor=request.user, sef=sef, values=form.cleaned_data, request=request
        )
        messages.success(request, "Self-assessment saved." if changed else "Nothing had changed.")
        return redirect("selfevaluation:assessment", area.code)
    return render(
        request,
        "selfevaluation/assessment_edit.html",
        page_context(
            request, area, sef, "Answer the self-assessment", form=form, suggested=suggested
        ),
    )
