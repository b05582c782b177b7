"""When a request is due, in London time: overdue, due today, or later."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
OVERDUE = "overdue"
DUE_TODAY = "due_today"
LATER = "later"
DONE = "done"
DUE_WORDS = {OVERDUE: "Overdue", DUE_TODAY: "Due today", LATER: "Due later", DONE: "Handed over"}


class DueTimeError(ValueError):
    """A due time that cannot be right, said in words for the person who typed it."""


def london(moment: dt.datetime) -> dt.datetime:
    """An aware moment in London time (a naive one is taken to be London time already)."""
    return moment.replace(tzinfo=LONDON) if moment.tzinfo is None else moment.astimezone(LONDON)


def at_london(day: dt.date, time: dt.time) -> dt.datetime:
    """The moment a London wall-clock date and time names (GMT or BST as that day has)."""
    return dt.datetime.combine(day, time, tzinfo=LONDON)


def check_due(requested_at: dt.datetime, due_at: dt.datetime) -> None:
    """Refuse a due time at or before the moment the inspectors asked."""
    if due_at <= requested_at:
        asked = london(requested_at)
        raise DueTimeError(
            f"The due time must be after the request was made ({asked.day} {asked:%B %Y at %H:%M})"
        )


def due_status(due_at: dt.datetime, is_open: bool, now: dt.datetime) -> str:
    """OVERDUE when past due and still owed; DUE_TODAY when due later on today's London date."""
    if not is_open:
        return DONE
    if due_at < now:
        return OVERDUE
    if london(due_at).date() == london(now).date():
        return DUE_TODAY
    return LATER
