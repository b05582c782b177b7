"""Downloads: the calendar for Outlook, the stakeholder briefing, the key message and the timetable."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.documents import docx, ics
from sendready.documents.briefing_data import meeting_sentence, onsite_phrase, survey_sentence
from sendready.inspections.access import get_inspection
from sendready.inspections.presenters import briefing_data, framework_title
from sendready.inspections.views import page_context

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(request, inspection, content: bytes, content_type: str, name: str) -> HttpResponse:
    filename = f"{slugify(inspection.area.name)}-{inspection.notified_on:%Y-%m-%d}-{name}"
    record(
        request,
        AuditAction.EXPORTED,
        "inspection",
        inspection.pk,
        area=inspection.area,
        detail=filename,
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@area_view("view_inspection")
def calendar(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """Every milestone and timetable session as an ICS calendar."""
    inspection = get_inspection(area, pk)
    data = briefing_data(inspection)
    content = ics.timeline_to_ics(
        f"{area.name}: {framework_title(inspection)}", data.milestones, data.sessions
    )
    return _download(request, inspection, content, "text/calendar; charset=utf-8", "inspection.ics")


@area_view("view_inspection")
def briefing_docx(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """The stakeholder briefing as a Word document."""
    inspection = get_inspection(area, pk)
    content = docx.stakeholder_briefing(briefing_data(inspection))
    return _download(request, inspection, content, DOCX, "stakeholder-briefing.docx")


@area_view("view_inspection")
def key_message_docx(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """The key message to families as a Word document."""
    inspection = get_inspection(area, pk)
    content = docx.key_message_to_families(briefing_data(inspection))
    return _download(request, inspection, content, DOCX, "key-message-to-families.docx")


@area_view("view_inspection")
def timetable_docx(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """The on-site timetable as a Word document."""
    inspection = get_inspection(area, pk)
    data = briefing_data(inspection)
    content = docx.onsite_timetable(data.sessions, title=f"On-site timetable: {area.name}")
    return _download(request, inspection, content, DOCX, "onsite-timetable.docx")


@area_view("view_inspection")
def key_message(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """The key message to families as a web page, to copy to the local offer website."""
    inspection = get_inspection(area, pk)
    return render(
        request,
        "inspections/key_message.html",
        page_context(
            request,
            area,
            "Key message to families",
            inspection=inspection,
            data=briefing_data(inspection),
            survey_sentence=survey_sentence,
            meeting_sentence=meeting_sentence,
            onsite_phrase=onsite_phrase,
        ),
    )
