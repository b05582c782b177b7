"""Countdowns to a milestone in working days and hours, in London time."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sendready.domain.dates.workdays import (
    LONDON,
    clock,
    long_date,
    to_london,
    working_days_between,
)

if TYPE_CHECKING:
    from sendready.domain.inspection.timeline import TimelineMilestone


def countdown(milestone: TimelineMilestone, now: dt.datetime) -> str:
    """How long until a milestone, in working days: "2 working days, 3 hours", "today at 12:00"."""
    now = to_london(now)
    today = now.date()
    end_day = milestone.end_date or milestone.date
    end_at = _moment(end_day, milestone.end_time if milestone.end_date else milestone.time)
    if now >= end_at:
        return "passed"
    start_at = dt.datetime.combine(milestone.date, milestone.time or dt.time.min, tzinfo=LONDON)
    if milestone.end_date and now >= start_at:
        until = long_date(end_day)
        return (
            f"under way until {until} at {clock(milestone.end_time)}"
            if milestone.end_time
            else f"under way until {until}"
        )
    if milestone.time is None:
        if milestone.date == today:
            return "today"
        return _plural(working_days_between(today, milestone.date), "working day")
    if milestone.date == today:
        return f"today at {clock(milestone.time)}"
    days = working_days_between(today, milestone.date)
    seconds = (
        start_at.replace(tzinfo=None) - dt.datetime.combine(start_at.date(), now.time())
    ).total_seconds()
    if seconds < 0:
        days, seconds = days - 1, seconds + 86400
    hours, minutes = int(seconds // 3600), int(seconds % 3600 // 60)
    parts = [_plural(days, "working day")] if days > 0 else []
    if hours:
        parts.append(_plural(hours, "hour"))
    if not parts:
        parts.append(_plural(max(minutes, 1), "minute"))
    return ", ".join(parts)


def _moment(day: dt.date, time: dt.time | None) -> dt.datetime:
    """The instant a day (or a time on it) ends for countdown purposes, in London time."""
    if time is None:
        return dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=LONDON)
    return dt.datetime.combine(day, time, tzinfo=LONDON)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
