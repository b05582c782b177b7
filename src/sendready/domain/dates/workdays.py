"""Working days in England: weekdays that are not bank holidays, in Europe/London time."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from dateutil.easter import easter

LONDON = ZoneInfo("Europe/London")

# The `holidays` package names some days differently from GOV.UK; councils know the GOV.UK names.
_GOVUK_NAMES = {
    "May Day": "Early May bank holiday",
    "Spring Bank Holiday": "Spring bank holiday",
    "Late Summer Bank Holiday": "Summer bank holiday",
}


@lru_cache(maxsize=64)
def _england_holidays(year: int) -> dict[dt.date, str]:
    """Bank holidays in England for one year, keyed by date (weekend entries included)."""
    return dict(holidays.country_holidays("GB", subdiv="ENG", years=year).items())


def _govuk_name(name: str) -> str:
    """Turn a `holidays` package name into the wording GOV.UK uses."""
    observed = name.endswith(" (observed)")
    base = name.removesuffix(" (observed)")
    base = _GOVUK_NAMES.get(base, base)
    return f"the substitute bank holiday for {base}" if observed else base


def bank_holiday_name(day: dt.date) -> str | None:
    """Name of the England bank holiday falling on a weekday `day`, or None."""
    if day.weekday() >= 5:
        # The package lists Christmas Day on a Saturday as a holiday; the day off is the Monday after.
        return None
    name = _england_holidays(day.year).get(day)
    return _govuk_name(name) if name else None


def is_working_day(day: dt.date) -> bool:
    """True for Monday to Friday when the day is not an England bank holiday."""
    return day.weekday() < 5 and bank_holiday_name(day) is None


def non_working_reason(day: dt.date) -> str | None:
    """Say why `day` is not a working day ("Easter Sunday", "a Saturday"), or None if it is one."""
    if is_working_day(day):
        return None
    holiday = bank_holiday_name(day)
    if holiday:
        return holiday
    if day == easter(day.year):
        return "Easter Sunday"
    weekday = day.strftime("%A")
    listed = _england_holidays(day.year).get(day)
    if listed and "(observed)" not in listed:
        return f"{_govuk_name(listed)} (a {weekday})"
    return f"a {weekday}"


def next_working_day(day: dt.date) -> dt.date:
    """The first working day strictly after `day`."""
    day += dt.timedelta(days=1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def previous_working_day(day: dt.date) -> dt.date:
    """The last working day strictly before `day`."""
    day -= dt.timedelta(days=1)
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def on_or_after(day: dt.date) -> dt.date:
    """`day` itself if it is a working day, otherwise the next working day."""
    return day if is_working_day(day) else next_working_day(day)


def add_working_days(day: dt.date, n: int) -> dt.date:
    """Count `n` working days on from `day` (back when `n` is negative); `n == 0` returns `day`."""
    step = next_working_day if n >= 0 else previous_working_day
    for _ in range(abs(n)):
        day = step(day)
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end`; negative when `end` is earlier.

    For a working day `start`, `add_working_days(start, working_days_between(start, end)) == end`
    whenever `end` is a working day.
    """
    if end < start:
        return -working_days_between(end, start)
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_working_day(day)
    return count


def to_london(moment: dt.datetime) -> dt.datetime:
    """Convert an aware datetime to London time; a naive one is taken to be London time already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=LONDON)
    return moment.astimezone(LONDON)


def long_date(day: dt.date, weekday: bool = True) -> str:
    """Format a date the GOV.UK way: "Monday 17 January 2022" (or "17 January 2022")."""
    text = f"{day.day} {day.strftime('%B %Y')}"
    return f"{day.strftime('%A')} {text}" if weekday else text


def clock(time: dt.time) -> str:
    """Format a time of day as 24-hour "12:00"."""
    return time.strftime("%H:%M")
