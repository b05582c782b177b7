"""The monitoring report page: choose the meeting date, see the reports already produced, download
the Word file or workbook. Anyone who may view plans downloads; recording a report needs edit rights."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from sendready.areas.access import area_view, can
from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.govuk_forms import GovukDateField, add_validation_error
from sendready.plans.access import get_plan
from sendready.plans.report_actions import produce_report
from sendready.plans.report_data import plan_start, report_data
from sendready.plans.report_documents import report_docx, report_xlsx
from sendready.plans.views import page_context

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ReportMeetingForm(forms.Form):
    meeting_date = GovukDateField(
        label="Date of the monitoring meeting",
        help_text="The report shows the plan as it stood at the end of this day.",
        required=False,
    )


@area_view("view_plans")
def report_page(request: HttpRequest, area: LocalArea, plan_id: int) -> HttpResponse:
    """Produce the report for a meeting (edit rights), and download any report already produced."""
    plan = get_plan(area, plan_id)
    may_produce = can(request.user, "edit_plans", area)
    form = ReportMeetingForm(request.POST or None)
    if request.method == "POST":
        if not may_produce:
            raise PermissionDenied("Your role in this local area does not allow producing reports.")
        if form.is_valid():
            try:
                report = produce_report(
                    actor=request.user,
                    plan=plan,
                    meeting_date=form.cleaned_data["meeting_date"],
                    request=request,
                )
            except ValidationError as exc:
                add_validation_error(form, exc)
            else:
                messages.success(
                    request, f"Report recorded for the meeting of {report.meeting_date:%-d %B %Y}."
                )
                return redirect(reverse("plans:report", args=[area.code, plan.pk]) + "#reports")
    today = timezone.localdate()
    return render(
        request,
        "plans/report.html",
        page_context(
            request,
            area,
            f"Monitoring report: {plan.title}",
            plan=plan,
            form=form,
            may_produce=may_produce,
            reports=list(plan.reports.select_related("produced_by")),
            last=plan.reports.order_by("-meeting_date").first(),
            start=plan_start(plan),
            today=today,
        ),
    )


def _meeting_date(request: HttpRequest) -> dt.date:
    raw = request.GET.get("meeting", "")
    if not raw:
        return timezone.localdate()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as exc:
        raise Http404("The meeting date must be written as YYYY-MM-DD.") from exc


def _download(request: HttpRequest, area: LocalArea, plan_id: int, kind: str) -> HttpResponse:
    plan = get_plan(area, plan_id)
    meeting = _meeting_date(request)
    data = report_data(plan, meeting)
    body = report_docx(data) if kind == "docx" else report_xlsx(data)
    record(
        request,
        AuditAction.EXPORTED,
        "monitoring_report",
        plan.pk,
        area=area,
        detail=f"{kind}, meeting {meeting.isoformat()}, since {data.since.isoformat()}",
    )
    response = HttpResponse(body, content_type=CONTENT_TYPES[kind])
    name = f"{area.code}-plan-{plan.pk}-monitoring-report-{meeting.isoformat()}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@area_view("view_plans")
def report_docx_download(request: HttpRequest, area: LocalArea, plan_id: int) -> HttpResponse:
    """The monitoring report as Word, for `?meeting=YYYY-MM-DD` (default today)."""
    return _download(request, area, plan_id, "docx")


@area_view("view_plans")
def report_xlsx_download(request: HttpRequest, area: LocalArea, plan_id: int) -> HttpResponse:
    """The monitoring report as a workbook, for `?meeting=YYYY-MM-DD` (default today)."""
    return _download(request, area, plan_id, "xlsx")
