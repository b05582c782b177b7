"""Downloads: the calendar for Outlook, the stakeholder briefing, the key message (plain and easy read,
as Word and tagged PDF) and the timetable, and the key message's web pages."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.areas.registry import ExtraSession, extra_sessions
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.documents import docx, family_message, ics, reader_pdf
from sendready.documents.briefing_data import TimetableEntry
from sendready.inspections.access import get_inspection
from sendready.inspections.hooks import as_active
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


def _timetable_docx(request: HttpRequest, inspection) -> bytes:
    """The timetable with the meetings other capabilities arrange (tracked cases' teams), as this person
    sees them on the timetable page."""
    data = briefing_data(inspection)
    extra = extra_sessions(inspection.area, request.user, as_active(inspection))
    entries = sorted(
        [*data.sessions, *(_entry(meeting) for meeting in extra)], key=lambda e: (e.day, e.start)
    )
    return docx.onsite_timetable(entries, title=f"On-site timetable: {inspection.area.name}")


def _entry(meeting: ExtraSession) -> TimetableEntry:
    return TimetableEntry(
        day=meeting.date,
        start=meeting.start,
        end=meeting.end,
        title=meeting.title,
        attendees=meeting.who,
        place=meeting.where,
    )


@dataclass(frozen=True)
class Download:
    """One document of an inspection: how it is made, its type and the end of its file name."""

    make: Callable[[HttpRequest, Any], bytes]
    content_type: str
    name: str


DOWNLOADS = {
    "briefing_docx": Download(
        lambda r, i: docx.stakeholder_briefing(briefing_data(i)), DOCX, "stakeholder-briefing.docx"
    ),
    "briefing_pdf": Download(
        lambda r, i: reader_pdf.stakeholder_briefing_pdf(briefing_data(i)),
        PDF,
        "stakeholder-briefing.pdf",
    ),
    "key_message_docx": Download(
        lambda r, i: docx.key_message_to_families(briefing_data(i)),
        DOCX,
        "key-message-to-families.docx",
    ),
    "key_message_pdf": Download(
        lambda r, i: reader_pdf.key_message_pdf(briefing_data(i)),
        PDF,
        "key-message-to-families.pdf",
    ),
    "easy_read_docx": Download(
        lambda r, i: docx.easy_read_message(briefing_data(i)), DOCX, "key-message-easy-read.docx"
    ),
    "easy_read_pdf": Download(
        lambda r, i: reader_pdf.easy_read_pdf(briefing_data(i)), PDF, "key-message-easy-read.pdf"
    ),
    "timetable_docx": Download(_timetable_docx, DOCX, "onsite-timetable.docx"),
}


@area_view("view_inspection")
def document(request: HttpRequest, area: LocalArea, pk: int, kind: str) -> HttpResponse:
    """One of the inspection's documents (DOWNLOADS), audited as an export."""
    inspection = get_inspection(area, pk)
    download = DOWNLOADS[kind]
    return _download(
        request,
        inspection,
        download.make(request, inspection),
        download.content_type,
        download.name,
    )


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
