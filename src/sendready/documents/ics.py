"""Calendar files: one event per milestone plus the on-site timetable, in Europe/London time."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from sendready.documents.briefing_data import MilestoneLike, TimetableEntry
from sendready.domain.dates.workdays import LONDON

TZID = "Europe/London"


def _london_vtimezone() -> Timezone:
    """A compact VTIMEZONE with yearly rules, the shape Outlook itself writes for UK time."""
    tz = Timezone()
    tz.add("tzid", TZID)
    summer = TimezoneDaylight()
    summer.add("dtstart", dt.datetime(1970, 3, 29, 1, 0))
    summer.add("tzoffsetfrom", dt.timedelta(hours=0))
    summer.add("tzoffsetto", dt.timedelta(hours=1))
    summer.add("tzname", "BST")
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    winter = TimezoneStandard()
    winter.add("dtstart", dt.datetime(1970, 10, 25, 2, 0))
    winter.add("tzoffsetfrom", dt.timedelta(hours=1))
    winter.add("tzoffsetto", dt.timedelta(hours=0))
    winter.add("tzname", "GMT")
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def _digest(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


def _milestone_event(title: str, m: MilestoneLike, domain: str, stamp: dt.datetime) -> Event:
    event = Event()
    # The UID leaves the date out so a re-downloaded file updates moved events instead of copying them.
    event.add("uid", f"{m.key}-{_digest(title, m.key)}@{domain}")
    event.add("dtstamp", stamp)
    event.add("summary", m.title)
    notes = [m.description]
    condition = getattr(m, "condition", None)
    if condition:
        notes.insert(0, f"{condition}.")
    event.add("description", " ".join(n for n in notes if n))
    last_day = m.end_date or m.date
    if m.time is None:
        event.add("dtstart", m.date)
        event.add("dtend", last_day + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        return event
    start = dt.datetime.combine(m.date, m.time, tzinfo=LONDON)
    end_time = getattr(m, "end_time", None)
    end = dt.datetime.combine(last_day, end_time or m.time, tzinfo=LONDON)
    if end <= start:
        end = start + dt.timedelta(hours=1)
    event.add("dtstart", start)
    event.add("dtend", end)
    return event


def _session_event(title: str, s: TimetableEntry, domain: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add(
        "uid", f"session-{s.key or _digest(s.day, s.start, s.title)}-{_digest(title)}@{domain}"
    )
    event.add("dtstamp", stamp)
    event.add("summary", s.title)
    start = dt.datetime.combine(s.day, s.start, tzinfo=LONDON)
    end = (
        dt.datetime.combine(s.day, s.end, tzinfo=LONDON) if s.end else start + dt.timedelta(hours=1)
    )
    event.add("dtstart", start)
    event.add("dtend", max(end, start + dt.timedelta(minutes=15)))
    lines = [
        f"Focus: {s.focus}" if s.focus else "",
        f"Who attends: {s.attendees}" if s.attendees else "",
        f"Join online: {s.online_link}" if s.online_link else "",
    ]
    event.add("description", "\n".join(line for line in lines if line))
    if s.where:
        event.add("location", s.where)
    if s.online_link:
        event.add("url", s.online_link)
    return event


def timeline_to_ics(
    title: str,
    milestones: Sequence[MilestoneLike],
    sessions: Iterable[TimetableEntry] = (),
    uid_domain: str = "sendready.local",
    stamp: dt.datetime | None = None,
) -> bytes:
    """An iCalendar file: all-day or timed milestones and timed sessions, with a London VTIMEZONE."""
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    cal = Calendar()
    cal.add("prodid", "-//sendready//area SEND inspection timeline//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", title)
    cal.add("x-wr-timezone", TZID)
    cal.add_component(_london_vtimezone())
    for milestone in milestones:
        cal.add_component(_milestone_event(title, milestone, uid_domain, stamp))
    for session in sessions:
        cal.add_component(_session_event(title, session, uid_domain, stamp))
    return cal.to_ical()
