"""Downloads: the calendar for Outlook, the stakeholder briefing, the key message (plain and easy read,
as Word and tagged PDF) and the timetable, and the key message's web pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.documents import docx, family_message, ics, reader_pdf
from sendready.inspections.access import get_inspection
from sendready.inspections.presenters import briefing_data, framework_title
from sendready.inspections.views import page_context

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


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
def briefing_pdf(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """The stakeholder briefing as a tagged PDF, with the same words as the Word document."""
    inspection = get_inspection(area, pk)
    content = reader_pdf.stakeholder_briefing_pdf(briefing_data(inspection))
    return _download(request, inspection, content, PDF, "stakeholder-briefing.pdf")


@area_view("view_inspection")
def key_message_pdf(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """The key message to families as a tagged PDF, for the Local Offer website."""
    inspection = get_inspection(area, pk)
    content = reader_pdf.key_message_pdf(briefing_data(inspection))
    return _download(request, inspection, content, PDF, "key-message-to-families.pdf")


@area_view("view_inspection")
def easy_read_docx(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """The easy-read key message as a Word document, with space for the area's pictures."""
    inspection = get_inspection(area, pk)
    content = docx.easy_read_message(briefing_data(inspection))
    return _download(request, inspection, content, DOCX, "key-message-easy-read.docx")


@area_view("view_inspection")
def key_message(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """The key message to families as a web page, to copy to the local offer website."""
    return _message_page(request, area, pk, easy=False)


@area_view("view_inspection")
def key_message_easy_read(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """The easy-read key message as a web page."""
    return _message_page(request, area, pk, easy=True)


def _message_page(request: HttpRequest, area: LocalArea, pk: int, easy: bool) -> HttpResponse:
    inspection = get_inspection(area, pk)
    data = briefing_data(inspection)
    written = family_message.easy_read(data) if easy else family_message.key_message(data)
    title = "Key message to families: easy read" if easy else "Key message to families"
    return render(
        request,
        "inspections/key_message.html",
        page_context(request, area, title, inspection=inspection, written=written, easy=easy),
    )
