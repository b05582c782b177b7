"""Working-day arithmetic for England, checked against GOV.UK's own bank-holiday list."""

import datetime as dt
import json
from pathlib import Path

import pytest

from sendready.domain.dates.workdays import (
    add_working_days,
    is_working_day,
    long_date,
    next_working_day,
    non_working_reason,
    on_or_after,
    to_london,
    working_days_between,
)

GOVUK_FILE = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "data"
    / "govuk_bank_holidays_cached_2012-2028.json"
)
D = dt.date


def govuk_england_events() -> list[dict]:
    """England-and-Wales events 2016-2028 from the cached GOV.UK file (tests only, not shipped)."""
    if not GOVUK_FILE.exists():
        pytest.skip("shared GOV.UK bank holiday file not available")
    events = json.loads(GOVUK_FILE.read_text())["england-and-wales"]["events"]
    return [e for e in events if 2016 <= int(e["date"][:4]) <= 2028]


def test_every_govuk_bank_holiday_2016_to_2028_is_not_a_working_day():
    events = govuk_england_events()
    assert len(events) > 100
    for event in events:
        assert not is_working_day(D.fromisoformat(event["date"])), event


def test_no_other_weekday_2016_to_2028_is_treated_as_a_holiday():
    govuk = {D.fromisoformat(e["date"]) for e in govuk_england_events()}
    day = D(2016, 1, 1)
    while day <= D(2028, 12, 31):
        if day.weekday() < 5:
            assert is_working_day(day) == (day not in govuk), day
        day += dt.timedelta(days=1)


def test_special_one_off_bank_holidays_are_known():
    for day in (D(2022, 6, 3), D(2022, 9, 19), D(2023, 5, 8)):
        assert not is_working_day(day)


def test_weekend_christmas_moves_the_day_off_to_monday_and_tuesday():
    assert not is_working_day(D(2021, 12, 27)) and not is_working_day(D(2021, 12, 28))
    assert is_working_day(D(2021, 12, 29))


def test_adding_working_days_skips_easter_2024():
    # Good Friday 29 March, Easter Monday 1 April 2024.
    assert add_working_days(D(2024, 3, 28), 1) == D(2024, 4, 2)
    assert add_working_days(D(2024, 4, 2), -1) == D(2024, 3, 28)


def test_adding_working_days_skips_christmas_and_new_year_2025():
    assert add_working_days(D(2025, 12, 24), 1) == D(2025, 12, 29)
    assert add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 2)


def test_adding_zero_working_days_keeps_the_date():
    assert add_working_days(D(2022, 1, 17), 0) == D(2022, 1, 17)


def test_working_days_between_undoes_add_working_days():
    start = D(2024, 3, 25)
    for n in range(-30, 60):
        end = add_working_days(start, n)
        assert working_days_between(start, end) == n


def test_next_working_day_after_easter_sunday_2022_is_tuesday():
    assert next_working_day(D(2022, 4, 17)) == D(2022, 4, 19)
    assert on_or_after(D(2022, 4, 19)) == D(2022, 4, 19)


def test_non_working_days_are_explained_in_plain_words():
    assert non_working_reason(D(2022, 4, 17)) == "Easter Sunday"
    assert non_working_reason(D(2024, 5, 6)) == "Early May bank holiday"
    assert non_working_reason(D(2025, 8, 25)) == "Summer bank holiday"
    assert non_working_reason(D(2022, 1, 15)) == "a Saturday"
    assert non_working_reason(D(2022, 1, 17)) is None


def test_dates_are_written_the_govuk_way():
    assert long_date(D(2022, 1, 17)) == "Monday 17 January 2022"
    assert long_date(D(2022, 4, 17), weekday=False) == "17 April 2022"


def test_utc_times_are_converted_to_london_summer_time():
    utc = dt.datetime(2025, 9, 8, 11, 0, tzinfo=dt.UTC)
    assert to_london(utc).hour == 12
