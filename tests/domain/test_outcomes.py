"""Recorded outcomes keep only their own follow-ups, dated from the real report date."""

import datetime as dt

import pytest

from sendready.domain.inspection.outcomes import (
    OutcomeError,
    RecordedOutcome,
    check_outcome,
    follow_ups,
)
from sendready.domain.inspection.timeline import TimelineError, build_timeline

D = dt.date


def keys_and_dates(framework: str, outcome: str, report: dt.date) -> dict[str, dt.date]:
    return {f.key: f.date for f in follow_ups(framework, outcome, report)}


def test_oxfordshire_systemic_failings_bring_a_plan_a_monitoring_inspection_and_three_years():
    # Oxfordshire's report was published on 15 September 2023.
    found = keys_and_dates("2023-full", "systemic", D(2023, 9, 15))
    # 30 working days, derived from Oxfordshire (27) and Wirral (at most 33).
    assert found["pap_due"] == D(2023, 10, 27)
    # 18 months on is Saturday 15 March 2025, so the next working day.
    assert found["monitoring_inspection"] == D(2025, 3, 17)
    assert found["next_full_3_years"] == D(2026, 9, 15)
    assert "next_full_5_years" not in found and "strategic_plan" not in found


def test_a_positive_outcome_brings_the_next_full_inspection_in_about_five_years_and_no_plan():
    found = keys_and_dates("2023-full", "positive", D(2025, 2, 12))
    assert found["next_full_5_years"] == D(2030, 2, 12)
    assert found["strategic_plan"] == D(2025, 2, 12)
    assert "engagement_meeting" in found
    assert not {"pap_due", "monitoring_inspection", "next_full_3_years"} & set(found)


def test_an_inconsistent_outcome_brings_three_years_and_no_monitoring_inspection():
    found = keys_and_dates("2023-full", "inconsistent", D(2025, 2, 12))
    assert found["next_full_3_years"] == D(2028, 2, 14)
    assert "monitoring_inspection" not in found and "pap_due" not in found


def test_a_2016_wsoa_starts_the_70_working_day_clock_and_the_revisit_runs_from_fit_for_purpose():
    found = keys_and_dates("2016-inspection", "wsoa", D(2019, 7, 25))
    assert found["wsoa_due"] == D(2019, 11, 1)
    assert found["revisit_window"] > found["wsoa_fit_for_purpose"] > found["wsoa_due"]
    assert keys_and_dates("2016-inspection", "no_wsoa", D(2019, 7, 25)) == {}


def test_the_seed_revisit_with_8_of_14_areas_sufficient_needs_an_accelerated_plan():
    judgements = {n: "sufficient" if n <= 8 else "insufficient" for n in range(1, 15)}
    recorded = check_outcome(
        "2016-revisit",
        RecordedOutcome(key="insufficient", report_date=D(2022, 3, 22), judgements=judgements),
        weaknesses_recorded=14,
    )
    assert recorded.counts == {"sufficient_areas": 8, "insufficient_areas": 6}
    found = keys_and_dates("2016-revisit", "insufficient", D(2022, 3, 22))
    # Five weeks after Tuesday 22 March 2022.
    assert found["app_due"] == D(2022, 4, 26)
    assert "monitoring_stops" not in found


def test_sufficient_progress_everywhere_stops_the_quarterly_visits_and_needs_no_plan():
    assert set(keys_and_dates("2016-revisit", "sufficient", D(2022, 3, 22))) == {"monitoring_stops"}


def test_a_judgement_for_a_weakness_that_was_not_recorded_is_refused():
    with pytest.raises(OutcomeError, match="Area of weakness 15 was not recorded: only 14"):
        check_outcome(
            "2016-revisit",
            RecordedOutcome(
                key="insufficient", report_date=D(2022, 3, 22), judgements={15: "insufficient"}
            ),
            weaknesses_recorded=14,
        )


def test_all_sufficient_judgements_cannot_be_recorded_as_insufficient_progress():
    with pytest.raises(OutcomeError, match="at least 1 areas with insufficient progress"):
        check_outcome(
            "2016-revisit",
            RecordedOutcome(
                key="insufficient", report_date=D(2022, 3, 22), judgements={1: "sufficient"}
            ),
        )


def test_areas_for_priority_action_come_only_with_systemic_failings():
    with pytest.raises(OutcomeError, match="no more than 0 areas for priority action"):
        check_outcome(
            "2023-full",
            RecordedOutcome(
                key="positive", report_date=D(2025, 2, 12), counts={"priority_action_areas": 2}
            ),
        )
    with pytest.raises(OutcomeError, match="at least 1 areas for priority action"):
        check_outcome("2023-full", RecordedOutcome(key="systemic", report_date=D(2025, 2, 12)))


def test_an_unknown_outcome_key_names_the_keys_the_framework_has():
    with pytest.raises(OutcomeError, match="positive .* inconsistent .* systemic"):
        follow_ups("2023-full", "outstanding", D(2025, 2, 12))
    with pytest.raises(TimelineError, match="no outcome called 'wsoa'"):
        build_timeline("2023-full", D(2025, 9, 8), outcome="wsoa")


def test_a_timeline_with_an_outcome_keeps_only_its_follow_ups_from_the_real_report_date():
    timeline = build_timeline(
        "2023-full",
        D(2025, 9, 8),
        outcome="positive",
        overrides={"report_published": D(2025, 12, 3)},
    )
    keys = {m.key for m in timeline.milestones}
    assert "next_full_5_years" in keys and "pap_due" not in keys and "next_full_3_years" not in keys
    assert timeline.milestone("next_full_5_years").date == D(2030, 12, 3)
    assert timeline.milestone("report_published").overridden
