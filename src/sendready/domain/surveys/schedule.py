"""When a survey takes answers: open and close times in Europe/London, and the words that say so.

A survey opens and closes by itself: whether it is open is worked out from the two times and the moment
of asking, never stored, so no job has to run at noon on Monday."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sendready.domain.dates.workdays import LONDON, clock, long_date, to_london


class WindowState(StrEnum):
    NOT_SET = "not_set"
    NOT_YET_OPEN = "not_yet_open"
    OPEN = "open"
    CLOSED = "closed"


STATE_TITLES = {
    WindowState.NOT_SET: "No dates yet",
    WindowState.NOT_YET_OPEN: "Not open yet",
    WindowState.OPEN: "Open",
    WindowState.CLOSED: "Closed",
}


def london(day: dt.date, time: dt.time) -> dt.datetime:
    """The moment a London clock shows `time` on `day` (the earlier one when clocks go back)."""
    moment = dt.datetime.combine(day, time, tzinfo=LONDON)
    # A time skipped when the clocks go forward (01:30 on the last Sunday of March) is taken as the
    # moment the clocks reach it: round-trip through UTC.
    return moment.astimezone(dt.UTC).astimezone(LONDON)


def window_state(
    opens: dt.datetime | None, closes: dt.datetime | None, now: dt.datetime
) -> WindowState:
    """Whether a survey with these times takes answers at `now` (open from `opens`, closed at `closes`)."""
    if opens is None or closes is None:
        return WindowState.NOT_SET
    if now < opens:
        return WindowState.NOT_YET_OPEN
    if now >= closes:
        return WindowState.CLOSED
    return WindowState.OPEN


def window_problem(opens: dt.datetime, closes: dt.datetime) -> str:
    """Why these times cannot be a survey's window, or "" when they can."""
    if closes <= opens:
        return "The survey must close after it opens"
    if closes - opens > dt.timedelta(days=366):
        return "A survey can be open for a year at most"
    return ""


def at(moment: dt.datetime) -> str:
    """ "12:00 on Monday 2 March 2026", London time."""
    local = to_london(moment)
    return f"{clock(local.time())} on {long_date(local.date())}"


def window_sentence(opens: dt.datetime | None, closes: dt.datetime | None) -> str:
    """The survey's window in words."""
    if opens is None or closes is None:
        return "No opening and closing times have been set."
    return f"Open from {at(opens)} to {at(closes)} (UK time)."


def london_day(moment: dt.datetime) -> dt.date:
    """The London date of a moment: the finest a submission's time is ever stored."""
    return to_london(moment).date()
