"""The forecast reads an area's own recorded inspections through the platform hook."""

import datetime as dt

from django.contrib.auth import get_user_model

from sendready.areas.models import LocalArea
from sendready.domain.forecasting.forecast import forecast
from sendready.forecasting.data import domain_areas, domain_events
from sendready.inspections import actions
from sendready.inspections.outcome_actions import record_outcome


def test_a_recorded_outcome_joins_the_history_the_forecast_uses(db) -> None:
    stoke = LocalArea.objects.get(code="E06000021")
    officer = get_user_model().objects.create_user("officer")
    before = [e for e in domain_events() if e.area_code == stoke.code]
    inspection = actions.record_inspection(
        actor=officer, area=stoke, framework="2023-full", notified_on=dt.date(2025, 9, 8)
    )
    record_outcome(
        actor=officer,
        inspection=inspection,
        key="systemic",
        report_date=dt.date(2025, 12, 3),
        counts={"priority_action_areas": 3, "improvement_areas": 2},
    )
    events = [e for e in domain_events() if e.area_code == stoke.code]
    assert len(events) == len(before) + 1
    newest = max(events, key=lambda e: e.ordering_date)
    assert (newest.framework, newest.kind, newest.outcome) == ("2023", "full", "SYSTEMIC")
    assert (newest.start_date, newest.publication_date) == (
        dt.date(2025, 9, 22),
        dt.date(2025, 12, 3),
    )
    assert newest.n_weaknesses_or_priority_areas == 3
    results = {
        r.area_code: r for r in forecast(dt.date(2026, 12, 2), domain_areas(), domain_events())
    }
    last = results[stoke.code].last_inspection
    assert (last.start_date, last.outcome) == (dt.date(2025, 9, 22), "SYSTEMIC")


def test_an_inspection_without_a_recorded_outcome_is_not_history_yet(db) -> None:
    stoke = LocalArea.objects.get(code="E06000021")
    officer = get_user_model().objects.create_user("officer")
    count = len(domain_events())
    actions.record_inspection(
        actor=officer, area=stoke, framework="2023-full", notified_on=dt.date(2025, 9, 8)
    )
    assert len(domain_events()) == count
