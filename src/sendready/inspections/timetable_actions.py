"""Adding, changing and removing on-site timetable sessions: each in one transaction, audited inside it."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction

from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.inspections.models import Inspection, TimetableSession


@dataclass(frozen=True)
class SessionValues:
    """One on-site timetable session as a person enters it."""

    date: dt.date
    part_of_day: str
    start_time: dt.time
    end_time: dt.time
    title: str
    focus: str = ""
    attendee_groups: list[str] = field(default_factory=list)
    place: str = ""
    online_link: str = ""


def save_session(
    *,
    actor,
    inspection: Inspection,
    values: SessionValues,
    session: TimetableSession | None = None,
    request=None,
) -> TimetableSession:
    """Add an on-site timetable session, or change `session`."""
    with transaction.atomic():
        session = session or TimetableSession(inspection=inspection)
        session.date = values.date
        session.part_of_day = values.part_of_day
        session.start_time = values.start_time
        session.end_time = values.end_time
        session.title = values.title
        session.focus = values.focus or ""
        session.attendee_groups = list(values.attendee_groups)
        session.place = values.place or ""
        session.online_link = values.online_link or ""
        session.save()
        record(
            request,
            AuditAction.CHANGED,
            "timetable_session",
            session.pk,
            area=inspection.area,
            user=actor,
            detail=session.title,
        )
    return session


def delete_session(*, actor, session: TimetableSession, request=None) -> None:
    """Remove a session from the timetable."""
    with transaction.atomic():
        record(
            request,
            AuditAction.DELETED,
            "timetable_session",
            session.pk,
            area=session.inspection.area,
            user=actor,
            detail=session.title,
        )
        session.delete()
