"""Weighted kappa for ordered grades (on a published worked example), mixes a LANO adjusts, and due
days taken from an inspection's own timeline."""

import datetime as dt

import pytest

from sendready.domain.cases.agreement import Rating, agreement, agreement_report, weighted_kappa
from sendready.domain.cases.evidence import InspectionDates, documents_due, documents_due_for
from sendready.domain.cases.mixes import MixError, adjust_mix, load_mix, mix_for
from sendready.domain.dates.workdays import add_working_days

# Agresti, Categorical Data Analysis (2nd ed., 2002), husbands' and wives' ratings on a 4-point ordered
# scale (Hout, Duncan and Sobel 1987), shipped as R vcd's SexualFun: kappa 0.129 (ASE 0.0686) and
# the equal-spacing (linear) weighted kappa 0.237 (ASE 0.0783), as vcd::Kappa prints them.
SEXUAL_FUN = [[7, 7, 2, 3], [2, 8, 3, 7], [1, 5, 4, 9], [2, 8, 9, 14]]
SCALE = ["never", "fairly_often", "very_often", "always"]


def _pairs(table):
    return [
        (SCALE[i], SCALE[j])
        for i, row in enumerate(table)
        for j, n in enumerate(row)
        for _ in range(n)
    ]


def test_linear_weighted_kappa_matches_the_published_worked_example():
    kw, se = weighted_kappa(_pairs(SEXUAL_FUN), SCALE)
    assert kw == pytest.approx(0.2374, abs=5e-5)
    assert se == pytest.approx(0.0783, abs=5e-5)
    both = agreement(_pairs(SEXUAL_FUN), SCALE)
    assert both.kappa == pytest.approx(0.129, abs=1e-3)
    assert both.weighted == pytest.approx(0.237, abs=1e-3)
    assert both.weighted_low == pytest.approx(0.2374 - 1.96 * 0.0783, abs=2e-3)


def test_weighted_kappa_credits_near_misses_that_plain_kappa_does_not():
    order = ["outstanding", "good", "requires_improvement", "inadequate"]
    near = [("good", "outstanding"), ("outstanding", "good"), ("good", "good")] * 4 + [
        ("inadequate", "inadequate"),
        ("requires_improvement", "inadequate"),
    ]
    far = [("inadequate", "outstanding"), ("outstanding", "inadequate"), ("good", "good")] * 4 + [
        ("inadequate", "inadequate"),
        ("requires_improvement", "inadequate"),
    ]
    assert agreement(near, order).percent == agreement(far, order).percent
    assert agreement(near, order).weighted > agreement(near, order).kappa
    assert agreement(near, order).weighted > agreement(far, order).weighted


def test_weighted_kappa_is_left_out_for_grades_off_the_scale_or_one_grade_only():
    assert weighted_kappa([("good", "great")], ["good", "poor"]) is None
    assert weighted_kappa([("good", "good")] * 3, ["good", "poor"]) is None
    assert agreement([("a", "b")]).weighted is None  # no order: no weighted kappa


def test_the_report_carries_the_weighted_kappa_when_given_the_order():
    ratings = [
        Rating("1", "s", "Ann", "good", "good"),
        Rating("1", "s", "Bob", "outstanding", "good"),
        Rating("2", "s", "Ann", "inadequate", "inadequate"),
        Rating("2", "s", "Bob", "inadequate", "inadequate"),
    ]
    order = ["outstanding", "good", "requires_improvement", "inadequate"]
    report = agreement_report(ratings, order)
    assert report["overall"]["weighted_kappa"] is not None
    assert "weighted_kappa" in report["between_auditors"]


def test_a_mix_can_be_adjusted_and_keeps_its_name():
    mix = adjust_mix(load_mix("seed"), {"size": 8, "ehc_plan": 5, "sen_support": 3, "cover": []})
    assert mix.name == "seed" and mix.size == 8 and mix.cover == ()
    limits = {r.group: (r.min, r.max) for r in mix.require}
    assert limits["ehc_plan"] == (5, 5) and limits["sen_support"] == (3, 3)
    assert "8 cases" in mix.title
    assert mix_for("seed", {"size": 8, "ehc_plan": 5, "sen_support": 3}).size == 8
    assert mix_for("seed", {}) == load_mix("seed")


def test_an_adjusted_mix_that_cannot_work_says_why_per_field():
    with pytest.raises(MixError) as caught:
        adjust_mix(load_mix("seed"), {"size": 5})  # 4 EHC plans + 2 on SEN support > 5
    assert "make 6, more than the 5 cases" in caught.value.errors["ehc_plan"]
    with pytest.raises(MixError) as caught:
        adjust_mix(load_mix("reference"), {"size": 20, "alternative_provision": -1, "cover": ["x"]})
    assert caught.value.errors["size"] == "Enter a number from 1 to 12."
    assert caught.value.errors["alternative_provision"] == "Enter a number from 0 to 12."
    assert "no group called x" in caught.value.errors["cover"]
    with pytest.raises(MixError):
        adjust_mix(load_mix("seed"), {"colour": "blue"})


def test_documents_are_due_on_the_inspections_own_step_when_named_that_day():
    # The inspection's timeline says cases named Tue 14 Jan 2025, documents due Mon 20 Jan (its own
    # setting of 4 working days rather than the framework's 2).
    dates = InspectionDates(dt.date(2025, 1, 14), dt.date(2025, 1, 20))
    assert dates.due_days() == 4
    assert documents_due_for(dt.date(2025, 1, 14), dates) == dt.date(2025, 1, 20)
    # Named a day late: the inspection's own 4 working days from then, over the weekend.
    assert documents_due_for(dt.date(2025, 1, 15), dates) == dt.date(2025, 1, 21)
    # No inspection, or one whose timeline has no such steps: the framework's 2 working days.
    assert documents_due_for(dt.date(2025, 1, 14), None) == dt.date(2025, 1, 16)
    assert documents_due_for(dt.date(2025, 1, 14), InspectionDates(None, None)) == dt.date(
        2025, 1, 16
    )
    assert (
        InspectionDates.from_steps({"tracked_cases_named": dt.date(2025, 1, 14)}).due_days() is None
    )


def test_documents_due_from_today_skip_weekends_and_bank_holidays():
    today = dt.date.today()
    dates = InspectionDates(today, add_working_days(today, 3))
    assert documents_due_for(today, dates) == add_working_days(today, 3)
    assert documents_due_for(today, None) == documents_due(today) == add_working_days(today, 2)
    assert documents_due_for(today, None).weekday() < 5
