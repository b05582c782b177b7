"""The evidence room's window: inspectors may open it from notification until a set number of working
days after the last on-site day (a framework setting), to midnight London time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendready.domain.dates.workdays import add_working_days
from sendready.domain.requests.due import LONDON, london

SETTING = "evidence_room_wd"


@dataclass(frozen=True)
class Window:
    """Opens at the start of `first_day`, closes at the end of `last_day` (London)."""

    first_day: dt.date
    last_day: dt.date

    @property
    def opens_at(self) -> dt.datetime:
        return dt.datetime.combine(self.first_day, dt.time(0), tzinfo=LONDON)

    @property
    def closes_at(self) -> dt.datetime:
        return dt.datetime.combine(self.last_day + dt.timedelta(days=1), dt.time(0), tzinfo=LONDON)

    @property
    def is_empty(self) -> bool:
        """True when no day is left (a chosen last day before the inspection's notification)."""
        return self.last_day < self.first_day

    def state(self, now: dt.datetime) -> str:
        """ "not_yet", "open" or "closed" at `now`."""
        if self.is_empty:
            return "closed"
        if now < self.opens_at:
            return "not_yet"
        return "open" if now < self.closes_at else "closed"


class WindowError(ValueError):
    """A window that cannot be right, in words for the LANO."""


def room_window(notified_on: dt.date, last_onsite_day: dt.date, working_days_after: int) -> Window:
    """From notification to `working_days_after` working days after the last on-site day."""
    if last_onsite_day < notified_on:
        raise WindowError("The last on-site day is before the notification")
    return Window(notified_on, add_working_days(last_onsite_day, working_days_after))


def current_room_window(
    *,
    notified_on: dt.date,
    onsite_end: dt.date | None,
    planned_onsite_end: dt.date | None,
    working_days_after: int,
    first_day: dt.date | None = None,
    last_day: dt.date | None = None,
) -> Window:
    """An inspector's window as the inspection stands now: from its notification to
    `working_days_after` working days after its last on-site day (the day entered, else the
    timeline's plan, else the notification), narrowed by the days a LANO chose, if any. Computed
    afresh every time, so moved dates and a changed setting apply at once."""
    last_onsite = max(onsite_end or planned_onsite_end or notified_on, notified_on)
    framework = room_window(notified_on, last_onsite, working_days_after)
    return Window(
        max(first_day or framework.first_day, framework.first_day),
        min(last_day or framework.last_day, framework.last_day),
    )


def check_custom_window(default: Window, first_day: dt.date, last_day: dt.date) -> Window:
    """A shorter window chosen by the LANO: inside the framework's window, and not back to front."""
    if last_day < first_day:
        raise WindowError("The last day of access must be on or after the first day")
    if first_day < default.first_day or last_day > default.last_day:
        raise WindowError(
            f"Access must fall between {day_words(default.first_day)} and {day_words(default.last_day)}, "
            "the window the framework allows"
        )
    return Window(first_day, last_day)


def day_words(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def time_left(window: Window, now: dt.datetime) -> str:
    """Plain words for how long access lasts ("until 23:59 on 3 October 2025")."""
    last = london(window.closes_at - dt.timedelta(minutes=1))
    return f"until 23:59 on {day_words(last.date())}" if window.state(now) != "closed" else "ended"
