"""The demo's invented snapshots are dated at month ends, counted with relativedelta."""

import datetime as dt

from sendready.pupildata.demo import _month_end_before


def test_the_demo_snapshots_fall_on_month_ends() -> None:
    assert _month_end_before(dt.date(2026, 3, 15)) == dt.date(2026, 2, 28)
    assert _month_end_before(dt.date(2026, 3, 15), 4) == dt.date(2025, 10, 31)
    assert _month_end_before(dt.date(2024, 6, 30), 4) == dt.date(2024, 1, 31)
