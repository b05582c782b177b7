"""Calendar months are counted one way everywhere (dateutil's relativedelta): a month after the 31st is
the last day of a shorter month, never a day in the month after."""

import datetime as dt

from sendready.domain.forecasting.terms import describe_interval
from sendready.domain.inspection.timeline import build_timeline


def test_a_step_months_after_a_report_on_the_31st_lands_in_the_right_month() -> None:
    timeline = build_timeline(
        "2023-full",
        dt.date(2024, 6, 3),
        overrides={"report_published": dt.date(2024, 7, 31)},
        outcome="systemic",
    )
    # 18 months after 31 July 2024 is 31 January 2026, a Saturday: the window opens on the Monday.
    assert timeline.milestone("monitoring_inspection").date == dt.date(2026, 2, 2)


def test_elapsed_time_counts_whole_calendar_months() -> None:
    assert describe_interval(dt.date(2021, 3, 15), dt.date(2025, 8, 14)) == "4 years 4 months"
    assert describe_interval(dt.date(2021, 3, 15), dt.date(2025, 8, 15)) == "4 years 5 months"
    assert describe_interval(dt.date(2025, 1, 31), dt.date(2025, 2, 28)) == "1 month"
    assert describe_interval(dt.date(2025, 3, 1), dt.date(2025, 2, 1)) == "in the future"
