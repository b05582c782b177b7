"""Improvement plan rules on real dated cases."""

import datetime as dt

import pytest

from sendready.domain.dates.workdays import working_days_between
from sendready.domain.plans import (
    Action,
    Measure,
    plan_due,
    plan_type,
    plan_type_for_outcome,
    rag,
    rag_text,
    revisit_follow_ups,
)
from sendready.domain.plans.history import PlanChange, as_at, changed_since, latest_judgement_counts


def test_wsoa_due_70_working_days_after_report() -> None:
    report = dt.date(2019, 3, 1)
    due = plan_due("wsoa", report)
    assert due == dt.date(2019, 6, 13)  # Easter and two May bank holidays skipped
    assert working_days_between(report, due) == 70


def test_app_due_five_weeks_after_revisit_letter() -> None:
    letter = dt.date(2022, 6, 14)
    assert plan_due("app", letter) == dt.date(2022, 7, 19)


def test_pap_follows_inspection_timeline() -> None:
    # Oxfordshire: report 15 Sep 2023, draft PAP to DfE 24 Oct 2023 (area-send-facts 1.x)
    due = plan_due("pap", dt.date(2023, 9, 15))
    assert due == dt.date(2023, 10, 27)


def test_plan_type_for_outcome() -> None:
    assert plan_type_for_outcome("2016-inspection", "wsoa") == plan_type("wsoa")
    assert plan_type_for_outcome("2023-full", "systemic") == plan_type("pap")
    assert plan_type_for_outcome("2023-full", "positive") is None
    with pytest.raises(ValueError, match="Unknown plan type"):
        plan_type("nope")


def test_rag_rules() -> None:
    today = dt.date(2024, 5, 1)
    assert rag([Action(due=dt.date(2024, 4, 30))], [], today) == "red"
    assert rag([Action(due=dt.date(2024, 4, 30), complete=True)], [], today) == "green"
    assert rag([Action(due=dt.date(2024, 5, 10))], [], today) == "amber"
    assert rag([Action(due=dt.date(2024, 9, 1))], [], today) == "green"
    assert rag([], [Measure(baseline=50, target=70, current=45)], today) == "red"
    assert rag([], [Measure(baseline=50, target=70, current=60)], today) == "amber"
    assert rag([], [Measure(baseline=50, target=70, current=72)], today) == "green"
    assert (
        rag([], [Measure(baseline=30, target=10, current=8, lower_is_better=True)], today)
        == "green"
    )
    assert len(rag_text()) == 3


def test_rag_with_todays_date() -> None:
    today = dt.date.today()
    assert rag([Action(due=today - dt.timedelta(days=1))], [], today) == "red"


def test_revisit_all_sufficient_ends_monitoring() -> None:
    r = revisit_follow_ups({"A1": "sufficient", "A2": "sufficient"}, dt.date(2022, 3, 10))
    assert r.outcome == "sufficient" and (r.sufficient, r.insufficient) == (2, 0)
    assert [f.key for f in r.follow_ups] == ["monitoring_stops"]


def test_revisit_any_insufficient_brings_app_and_reviews() -> None:
    r = revisit_follow_ups({"A1": "sufficient", "A2": "insufficient"}, dt.date(2022, 3, 10))
    assert r.outcome == "insufficient" and (r.sufficient, r.insufficient) == (1, 1)
    keys = [f.key for f in r.follow_ups]
    assert keys == ["app_due", "app_review"]
    assert [f.date for f in r.follow_ups] == [dt.date(2022, 4, 14), dt.date(2022, 9, 12)]


def test_revisit_bad_input() -> None:
    with pytest.raises(ValueError, match="at least one area"):
        revisit_follow_ups({}, dt.date(2022, 3, 10))
    with pytest.raises(ValueError, match="Area 'A2'"):
        revisit_follow_ups({"A1": "sufficient", "A2": "good"}, dt.date(2022, 3, 10))


def _c(day: int, item: str, field: str, value: object) -> PlanChange:
    return PlanChange(dt.datetime(2024, 5, day, 9, 0), item, field, value)


def test_plan_as_at_and_changed_since() -> None:
    changes = [
        _c(1, "action:1", "status", "not started"),
        _c(1, "action:1", "due", dt.date(2024, 6, 30)),
        _c(8, "action:1", "status", "in progress"),
        _c(15, "action:2", "status", "not started"),
        _c(20, "measure:1", "current", 55),
    ]
    assert as_at(changes, dt.date(2024, 5, 1)) == {
        "action:1": {"status": "not started", "due": dt.date(2024, 6, 30)}
    }
    assert as_at(changes, dt.date(2024, 4, 30)) == {}
    diffs = changed_since(changes, dt.date(2024, 5, 7), dt.date(2024, 5, 31))
    assert [(d.item, d.field, d.before, d.after) for d in diffs] == [
        ("action:1", "status", "not started", "in progress"),
        ("action:2", "status", None, "not started"),
        ("measure:1", "current", None, 55),
    ]
    with pytest.raises(ValueError, match="on or before"):
        changed_since(changes, dt.date(2024, 6, 1), dt.date(2024, 5, 1))


def test_latest_judgement_counts() -> None:
    rows = [
        ("A1", dt.date(2021, 3, 1), "insufficient"),
        ("A1", dt.date(2022, 9, 1), "sufficient"),
        ("A2", dt.date(2022, 9, 1), "insufficient"),
    ]
    assert latest_judgement_counts(rows) == {"sufficient": 1, "insufficient": 1}
    with pytest.raises(ValueError, match="not 'good'"):
        latest_judgement_counts([("A1", dt.date(2022, 9, 1), "good")])
