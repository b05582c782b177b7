"""Word documents a council sends when an inspection is announced: briefing, family message, timetable."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from docx.document import Document as DocumentObject

from sendready.documents._docx_parts import (
    add_table,
    add_timetable,
    labelled_link,
    new_document,
    to_bytes,
)
from sendready.documents.briefing_data import (
    BriefingData,
    TimetableEntry,
    meeting_sentence,
    milestone_when,
    onsite_phrase,
    survey_sentence,
)
from sendready.domain.dates.workdays import long_date
from sendready.domain.text import clean_text


def _xml_safe(value: Any) -> Any:
    """The value with control characters removed from every string in it: Word's XML refuses them, and
    stored data is cleaned on save, but a download must never fail on a record saved before that."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_xml_safe(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _xml_safe(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init
        }
        return dataclasses.replace(value, **changes)
    return value


def _what_happens_next(data: BriefingData) -> list[str]:
    """Given next steps, or the milestones after the visit, as plain sentences."""
    if data.next_steps:
        return list(data.next_steps)
    after = [m for m in data.milestones if getattr(m, "phase", "") == "after"]
    lines = []
    for m in after:
        condition = getattr(m, "condition", None)
        prefix = f"{condition}: " if condition else ""
        lines.append(f"{prefix}{m.title} – {milestone_when(m)}. {m.description}")
    return lines


def _views_section(document: DocumentObject, data: BriefingData, heading: str) -> None:
    """How families can give their views: the survey and the forum meeting, with joining details."""
    if not (data.survey or data.forum_meeting):
        return
    document.add_heading(heading, level=1)
    if data.survey:
        document.add_paragraph(survey_sentence(data.survey))
        if data.survey.link:
            labelled_link(document, "Survey link", data.survey.link)
    meeting = data.forum_meeting
    if meeting:
        document.add_paragraph(meeting_sentence(meeting))
        if meeting.online_link:
            labelled_link(document, "Join online", meeting.online_link)
        if meeting.phone_number:
            document.add_paragraph(f"Or join by phone (audio only): {meeting.phone_number}")
        if meeting.conference_id:
            document.add_paragraph(f"Phone conference ID: {meeting.conference_id}")


def _contact(document: DocumentObject, data: BriefingData, text: str) -> None:
    if data.contact_email:
        document.add_heading("Contact", level=1)
        document.add_paragraph(f"{text} {data.contact_email}")


def stakeholder_briefing(inspection: BriefingData) -> bytes:
    """A briefing for partners: what is happening, the team, focus, families' views, dates, next steps."""
    data = _xml_safe(inspection)
    document = new_document()
    document.add_heading(f"{data.framework_title}: {data.area_name}", level=0)
    document.add_paragraph(f"Briefing for partners and stakeholders, {long_date(data.notified)}")

    document.add_heading("What is happening", level=1)
    document.add_paragraph(
        f"On {long_date(data.notified)} Ofsted and the Care Quality Commission (CQC) told "
        f"{data.area_name} about this inspection. Inspectors will be on site "
        f"{onsite_phrase(data.onsite_start, data.onsite_end)}."
    )
    if data.purpose:
        document.add_paragraph(data.purpose)

    if data.team:
        document.add_heading("The inspection team", level=1)
        add_table(
            document,
            ("Name", "Role", "Organisation"),
            [(m.name, m.role, m.organisation) for m in data.team],
        )

    if data.areas_of_focus:
        document.add_heading("What inspectors will look at", level=1)
        for area in data.areas_of_focus:
            document.add_paragraph(area, style="List Bullet")

    _views_section(document, data, "How families can give their views")

    if data.milestones:
        document.add_heading("Key dates", level=1)
        add_table(
            document,
            ("When", "What happens", "Who"),
            [(milestone_when(m), m.title, getattr(m, "actor_label", "")) for m in data.milestones],
        )

    next_lines = _what_happens_next(data)
    if next_lines:
        document.add_heading("What happens next", level=1)
        for line in next_lines:
            document.add_paragraph(line, style="List Bullet")

    if data.sessions:
        document.add_heading("Draft on-site timetable", level=1)
        document.add_paragraph(
            "The timetable may change. Inspectors confirm it before they arrive."
        )
        add_timetable(document, data.sessions)

    _contact(document, data, "For questions about this briefing, email")
    return to_bytes(document)


def key_message_to_families(data: BriefingData) -> bytes:
    """A short, plain-English message for parents, carers, children and young people."""
    data = _xml_safe(data)
    document = new_document()
    document.add_heading(f"Inspectors are visiting SEND services in {data.area_name}", level=0)

    document.add_heading("What is happening", level=1)
    document.add_paragraph(
        f"Ofsted and the Care Quality Commission (CQC) are inspecting how well education, health "
        f"and care services in {data.area_name} work together for children and young people with "
        f"special educational needs and disabilities (SEND). Inspectors will be here "
        f"{onsite_phrase(data.onsite_start, data.onsite_end)}."
    )
    if data.purpose:
        document.add_paragraph(data.purpose)
    document.add_paragraph(
        "Inspectors want to hear from as many children, young people, parents and carers as they "
        "can. What you tell them helps them evaluate services; it is not used to assess your family."
    )

    _views_section(document, data, "How you can tell inspectors what you think")

    next_lines = _what_happens_next(data)[:2]
    if next_lines:
        document.add_heading("What happens next", level=1)
        for line in next_lines:
            document.add_paragraph(line, style="List Bullet")

    _contact(document, data, "If you have a question, email")
    return to_bytes(document)


def onsite_timetable(sessions: Iterable[TimetableEntry], title: str = "On-site timetable") -> bytes:
    """The on-site timetable: a heading and a table per day (session, time, meeting, focus, who, where)."""
    sessions, title = _xml_safe(list(sessions)), clean_text(title)
    document = new_document()
    document.add_heading(title, level=0)
    document.add_paragraph("The timetable may change. Inspectors confirm it before they arrive.")
    add_timetable(document, sessions)
    return to_bytes(document)
