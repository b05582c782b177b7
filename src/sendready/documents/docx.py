"""Word documents a council sends when an inspection is announced: briefing, family message (plain and
easy read), timetable. Each is built from reader blocks, so its PDF and web page say the same words."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from sendready.documents._docx_parts import written_docx
from sendready.documents.blocks import Para, Written, timetable_blocks
from sendready.documents.briefing_data import BriefingData, TimetableEntry
from sendready.documents.family_message import easy_read, key_message
from sendready.documents.partner_briefing import stakeholder_briefing_written
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


def stakeholder_briefing(data: BriefingData) -> bytes:
    """A briefing for partners: what is happening, the team, focus, families' views, dates, next steps."""
    return written_docx(stakeholder_briefing_written(_xml_safe(data)))


def key_message_to_families(data: BriefingData) -> bytes:
    """A short, plain-English message for parents, carers, children and young people."""
    return written_docx(key_message(_xml_safe(data)))


def easy_read_message(data: BriefingData) -> bytes:
    """The key message in easy read, with space beside each line for pictures."""
    return written_docx(easy_read(_xml_safe(data)))


def timetable_written(sessions: Iterable[TimetableEntry], title: str) -> Written:
    """The on-site timetable's blocks: a heading and a table per day, or a sentence when it is empty."""
    sessions = _xml_safe(list(sessions))
    days = timetable_blocks(sessions)
    note = (
        "The timetable may change. Inspectors confirm it before they arrive."
        if days
        else "No sessions are planned yet. Inspectors confirm the timetable before they arrive."
    )
    return Written(title=clean_text(title), blocks=(Para(note), *days))


def onsite_timetable(sessions: Iterable[TimetableEntry], title: str = "On-site timetable") -> bytes:
    """The on-site timetable: a heading and a table per day (session, time, meeting, focus, who, where)."""
    return written_docx(timetable_written(sessions, title))
