"""The calendar-week rules checked against every dated inspection in the shipped data."""

import csv
import datetime as dt
from collections import Counter
from importlib import resources

from sendready.domain.dates.workdays import add_working_days, bank_holiday_name
from sendready.domain.inspection.timeline import build_timeline

WEEKS_BEFORE = {"2016": 1, "2023": 2}


def _events(event_type: str) -> list[dict]:
    text = (
        resources.files("sendready.domain.history")
        .joinpath("data/inspections/area_send_events_to_2025-08-31.csv")
        .read_text("utf-8-sig")
    )
    return [
        r
        for r in csv.DictReader(text.splitlines())
        if r["event_type"] == event_type and r["start_date"]
    ]


def _first_working_day_of_week(day: dt.date) -> dt.date:
    while bank_holiday_name(day):
        day += dt.timedelta(days=1)
    return day


def test_every_full_inspection_starts_on_the_monday_the_calendar_week_rule_gives():
    rows = _events("full inspection")
    assert Counter(r["framework"] for r in rows) == {"2016": 151, "2023": 69}
    for row in rows:
        start = dt.date.fromisoformat(row["start_date"])
        assert start.weekday() == 0, row["la_name"]
        call_week = start - dt.timedelta(weeks=WEEKS_BEFORE[row["framework"]])
        notified = _first_working_day_of_week(call_week)
        framework = "2016-inspection" if row["framework"] == "2016" else "2023-full"
        timeline = build_timeline(framework, notified)
        assert timeline.milestone("onsite").date == start, row["la_name"]
        assert timeline.milestone("onsite").end_date == start + dt.timedelta(days=4)


def test_revisits_start_two_calendar_weeks_after_the_call_not_ten_working_days():
    rows = _events("revisit")
    weekdays = Counter(dt.date.fromisoformat(r["start_date"]).strftime("%A") for r in rows)
    assert weekdays == {"Monday": 38, "Tuesday": 5, "Wednesday": 4}
    # Every Monday start with a bank holiday in the two weeks before it came two calendar weeks
    # after a Monday call; counting 10 working days would have put it on the Tuesday.
    across_holiday = 0
    for row in rows:
        start = dt.date.fromisoformat(row["start_date"])
        call = start - dt.timedelta(weeks=2)
        if start.weekday() != 0 or add_working_days(call, 10) == start:
            continue
        across_holiday += 1
        assert build_timeline("2016-revisit", call).milestone("onsite").date == start
    # Brent and Bury (13 May 2019), Wakefield (3 June 2019), Liverpool (9 May 2022). North Somerset
    # (17 May 2021) would have been called on the bank holiday itself, so it is not counted.
    assert across_holiday == 4
