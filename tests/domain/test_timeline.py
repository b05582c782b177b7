"""Timelines on real dates, across bank holidays, with overrides, settings and plain-English errors."""

import datetime as dt

import pytest

from sendready.domain.dates.workdays import LONDON
from sendready.domain.inspection.timeline import TimelineError, build_timeline, countdown

D = dt.date
NOON = dt.time(12, 0)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LONDON)


def test_the_2022_revisit_from_the_seed_briefing_dates_survey_onsite_and_letter():
    timeline = build_timeline(
        "2016-revisit",
        D(2022, 1, 17),
        overrides={"onsite_start": D(2022, 1, 31), "onsite_end": D(2022, 2, 3)},
    )
    survey = timeline.milestone("parent_survey")
    assert (survey.date, survey.time) == (D(2022, 1, 24), NOON)
    assert (survey.end_date, survey.end_time) == (D(2022, 1, 28), NOON)
    onsite = timeline.milestone("onsite")
    assert (onsite.date, onsite.end_date) == (D(2022, 1, 31), D(2022, 2, 3))
    assert timeline.milestone("letter").date == D(2022, 3, 22)
    assert timeline.warnings == []


def test_the_2022_revisit_without_overrides_uses_the_default_four_days_on_site():
    timeline = build_timeline("2016-revisit", D(2022, 1, 17))
    assert timeline.milestone("onsite").date == D(2022, 1, 31)
    assert timeline.milestone("onsite").end_date == D(2022, 2, 3)
    assert not timeline.milestone("onsite").overridden


def test_a_shorter_revisit_moves_the_letter_earlier():
    timeline = build_timeline(
        "2016-revisit", D(2022, 1, 17), overrides={"onsite_end": "2022-02-02"}
    )
    assert timeline.milestone("letter").date == D(2022, 3, 21)
    assert timeline.milestone("onsite").overridden


def test_a_2023_full_inspection_notified_8_september_2025():
    timeline = build_timeline("2023-full", D(2025, 9, 8))
    assert timeline.milestone("offsite_fieldwork").date == D(2025, 9, 18)
    onsite = timeline.milestone("onsite")
    assert (onsite.date, onsite.end_date) == (D(2025, 9, 22), D(2025, 9, 26))
    assert timeline.milestone("person_level_data").date == D(2025, 9, 9)
    assert timeline.milestone("person_level_data").time == NOON
    assert timeline.milestone("annex_a").date == D(2025, 9, 12)
    assert timeline.milestone("final_feedback").date == D(2025, 9, 26)
    assert timeline.milestone("report_published").date == D(2025, 11, 26)
    assert timeline.warnings == []


def test_milestones_come_in_date_order():
    timeline = build_timeline("2023-full", D(2025, 9, 8))
    keys = [(m.date, m.time or dt.time.min) for m in timeline.milestones]
    assert keys == sorted(keys)


def test_easter_2024_moves_annex_a_to_the_thursday_and_keeps_the_calendar_weeks():
    # Good Friday 29 March and Easter Monday 1 April 2024 are not working days.
    timeline = build_timeline("2023-full", D(2024, 3, 25))
    annex_a = timeline.milestone("annex_a")
    assert annex_a.date == D(2024, 3, 28)
    assert "Good Friday" in annex_a.note and "working day before" in annex_a.note
    fieldwork = timeline.milestone("offsite_fieldwork")
    assert (fieldwork.date, fieldwork.end_date) == (D(2024, 4, 4), D(2024, 4, 5))
    onsite = timeline.milestone("onsite")
    assert (onsite.date, onsite.end_date) == (D(2024, 4, 8), D(2024, 4, 12))
    assert timeline.real_dates_needed == []


def test_easter_2025_keeps_the_onsite_week_in_its_calendar_week_and_asks_for_real_dates():
    timeline = build_timeline("2023-full", D(2025, 4, 7))
    fieldwork = timeline.milestone("offsite_fieldwork")
    assert (fieldwork.date, fieldwork.end_date) == (D(2025, 4, 17), D(2025, 4, 17))
    onsite = timeline.milestone("onsite")
    assert (onsite.date, onsite.end_date) == (D(2025, 4, 22), D(2025, 4, 25))
    assert {"offsite_fieldwork", "onsite"} <= set(timeline.real_dates_needed)
    assert any(
        "Easter Monday (Monday 21 April 2025)" in w and "real dates" in w for w in timeline.warnings
    )


def test_the_late_august_bank_holiday_2025_falls_in_week_two_and_moves_nothing():
    timeline = build_timeline("2023-full", D(2025, 8, 18))
    assert timeline.milestone("offsite_fieldwork").date == D(2025, 8, 28)
    onsite = timeline.milestone("onsite")
    assert (onsite.date, onsite.end_date) == (D(2025, 9, 1), D(2025, 9, 5))
    assert timeline.warnings == []


def test_redbridge_and_tameside_may_2025_are_on_site_monday_12_to_friday_16_may():
    # Notified Monday 28 April 2025; the early May bank holiday (5 May) falls in week two.
    timeline = build_timeline("2023-full", D(2025, 4, 28))
    onsite = timeline.milestone("onsite")
    assert (onsite.date, onsite.end_date) == (D(2025, 5, 12), D(2025, 5, 16))
    fieldwork = timeline.milestone("offsite_fieldwork")
    assert (fieldwork.date, fieldwork.end_date) == (D(2025, 5, 8), D(2025, 5, 9))
    data = timeline.milestone("person_level_data")
    assert (data.date, data.time) == (D(2025, 4, 29), NOON)
    assert timeline.milestone("annex_a").date == D(2025, 5, 2)
    assert timeline.milestone("final_feedback").date == D(2025, 5, 16)
    assert timeline.warnings == []


def test_gateshead_notified_on_the_tuesday_after_the_coronation_gets_no_warning():
    # The Coronation bank holiday was Monday 8 May 2023; Gateshead was on site from Monday 22 May.
    timeline = build_timeline("2023-full", D(2023, 5, 9))
    onsite = timeline.milestone("onsite")
    assert (onsite.date, onsite.end_date) == (D(2023, 5, 22), D(2023, 5, 26))
    assert timeline.warnings == []


def test_annex_a_after_a_notification_on_30_march_2026_moves_off_good_friday():
    timeline = build_timeline("2023-full", D(2026, 3, 30))
    annex_a = timeline.milestone("annex_a")
    assert annex_a.date == D(2026, 4, 2)
    assert annex_a.note.startswith(
        "Due Thursday 2 April 2026 because the usual day, Friday 3 April "
        "2026, is Good Friday: a deadline on a bank holiday moves"
    )
    assert any("Annex A" in w and "Good Friday" in w for w in timeline.warnings)
    onsite = timeline.milestone("onsite")
    assert (onsite.date, onsite.end_date) == (D(2026, 4, 13), D(2026, 4, 17))


def test_week_two_steps_keep_their_weekdays():
    timeline = build_timeline("2023-full", D(2025, 9, 8))
    assert timeline.milestone("context_presentation").date == D(2025, 9, 18)
    assert timeline.milestone("leaders_meeting_week_two").date == D(2025, 9, 19)
    arrive = timeline.milestone("inspectors_arrive")
    assert (arrive.date, arrive.time) == (D(2025, 9, 22), dt.time(10, 30))
    sampling = timeline.milestone("focused_sampling_named")
    assert (sampling.date, sampling.end_date) == (D(2025, 9, 19), D(2025, 9, 25))


def test_the_early_may_and_spring_bank_holidays_2024_move_a_revisit():
    timeline = build_timeline("2016-revisit", D(2024, 4, 22))
    survey = timeline.milestone("parent_survey")
    assert (survey.date, survey.end_date) == (D(2024, 4, 29), D(2024, 5, 3))
    onsite = timeline.milestone("onsite")
    assert (onsite.date, onsite.end_date) == (D(2024, 5, 7), D(2024, 5, 10))
    assert timeline.milestone("letter").date == D(2024, 6, 27)


def test_christmas_2022_keeps_a_2016_inspection_in_its_week_and_asks_for_real_dates():
    timeline = build_timeline("2016-inspection", D(2022, 12, 19))
    onsite = timeline.milestone("onsite")
    assert (onsite.date, onsite.end_date) == (D(2022, 12, 28), D(2022, 12, 30))
    assert timeline.real_dates_needed == ["onsite"]
    assert any("Boxing Day" in w for w in timeline.warnings)


def test_a_2016_inspection_is_on_site_monday_to_friday_of_the_following_week():
    # North Somerset and West Berkshire were on site from Monday 14 May 2018; Monday 7 May was a
    # bank holiday, so a call that week came on the Tuesday and needs no warning.
    timeline = build_timeline("2016-inspection", D(2018, 5, 8))
    onsite = timeline.milestone("onsite")
    assert (onsite.date, onsite.end_date) == (D(2018, 5, 14), D(2018, 5, 18))
    assert timeline.warnings == []


def test_the_2016_letter_defaults_to_the_median_42_working_days_after_the_onsite_week():
    timeline = build_timeline("2016-inspection", D(2019, 5, 13))
    assert timeline.milestone("onsite").end_date == D(2019, 5, 24)
    assert timeline.milestone("letter").date == D(2019, 7, 24)


def test_a_revisit_starts_two_calendar_weeks_after_the_call_across_a_bank_holiday():
    # Brent and Bury: re-visits from Monday 13 May 2019, after the 6 May bank holiday.
    timeline = build_timeline("2016-revisit", D(2019, 4, 29))
    onsite = timeline.milestone("onsite")
    assert (onsite.date, onsite.end_date) == (D(2019, 5, 13), D(2019, 5, 16))


def test_dudley_revisit_called_monday_17_january_2022_starts_monday_31_january():
    timeline = build_timeline("2016-revisit", D(2022, 1, 17))
    assert timeline.milestone("onsite").date == D(2022, 1, 31)
    assert timeline.milestone("survey_questions_shared").end_date == D(2022, 1, 24)
    assert timeline.milestone("letter_to_families").date == D(2022, 1, 24)
    assert timeline.milestone("parent_survey").actor == "partnership"


def test_the_wsoa_clock_runs_70_working_days_from_receiving_the_letter():
    timeline = build_timeline(
        "2016-inspection", D(2019, 5, 20), overrides={"letter": D(2019, 7, 25)}
    )
    # 70 working days after Thursday 25 July 2019, skipping the 26 August and Christmas holidays.
    assert timeline.milestone("wsoa_due").date == D(2019, 11, 1)


def test_calendar_month_steps_land_on_a_working_day():
    timeline = build_timeline(
        "2023-full", D(2025, 9, 8), overrides={"report_published": D(2025, 11, 26)}
    )
    # 18 months after 26 November 2025 is Wednesday 26 May 2027.
    assert timeline.milestone("monitoring_inspection").date == D(2027, 5, 26)
    # 36 months on is Sunday 26 November 2028, so the next working day.
    assert timeline.milestone("next_full_3_years").date == D(2028, 11, 27)


def test_settings_override_defaults_by_name():
    timeline = build_timeline("2023-full", D(2025, 9, 8), settings={"report_lag_wd": 29})
    assert timeline.milestone("report_published").date == D(2025, 11, 6)
    assert timeline.settings["report_lag_wd"] == 29
    assert "report_lag_wd" in timeline.milestone("report_published").settings_used


def test_an_unknown_setting_names_the_ones_you_can_change():
    with pytest.raises(TimelineError, match="report_lag_wd"):
        build_timeline("2023-full", D(2025, 9, 8), settings={"letter_days": 3})


def test_a_negative_setting_is_refused():
    with pytest.raises(TimelineError, match="whole number"):
        build_timeline("2016-revisit", D(2022, 1, 17), settings={"letter_wd": -1})


def test_notification_on_easter_sunday_is_refused_in_plain_english():
    with pytest.raises(TimelineError) as caught:
        build_timeline("2023-full", D(2022, 4, 17))
    message = str(caught.value)
    assert message.startswith("17 April 2022 is Easter Sunday, not a working day")
    assert "Tuesday 19 April 2022" in message


def test_notification_on_a_bank_holiday_is_refused():
    with pytest.raises(TimelineError, match="Summer bank holiday"):
        build_timeline("2016-revisit", D(2025, 8, 25))


def test_a_2023_full_notification_on_a_tuesday_gives_a_warning_and_keeps_the_calendar_week():
    timeline = build_timeline("2023-full", D(2025, 9, 9))
    assert len(timeline.warnings) == 1
    assert "not a Monday" in timeline.warnings[0]
    assert timeline.milestone("onsite").date == D(2025, 9, 22)


def test_onsite_end_before_start_is_refused():
    with pytest.raises(TimelineError, match="must be on or after"):
        build_timeline(
            "2016-revisit",
            D(2022, 1, 17),
            overrides={"onsite_start": D(2022, 2, 1), "onsite_end": D(2022, 1, 31)},
        )


def test_onsite_before_notification_is_refused():
    with pytest.raises(TimelineError, match="before the notification"):
        build_timeline("2016-revisit", D(2022, 1, 17), overrides={"onsite_start": D(2022, 1, 10)})


def test_an_onsite_date_on_a_weekend_is_a_warning():
    timeline = build_timeline(
        "2016-revisit", D(2022, 1, 17), overrides={"onsite_end": D(2022, 2, 5)}
    )
    assert any("a Saturday" in w for w in timeline.warnings)


def test_an_unknown_override_lists_the_dates_you_can_set():
    with pytest.raises(TimelineError, match="onsite_start, onsite_end"):
        build_timeline(
            "2016-revisit", D(2022, 1, 17), overrides={"inspection_start": D(2022, 2, 1)}
        )


def test_an_unknown_framework_is_a_timeline_error_naming_the_valid_ones():
    with pytest.raises(TimelineError, match="2023-full"):
        build_timeline("2023-ful", D(2025, 9, 8))


def test_milestones_turn_into_json_ready_dicts():
    data = build_timeline("2016-revisit", D(2022, 1, 17)).milestone("parent_survey").as_dict()
    assert data["date"] == "2022-01-24" and data["time"] == "12:00"
    assert data["end_date"] == "2022-01-28" and data["source"] == "seed-000, seed-002"


def test_countdown_counts_working_days_and_hours():
    survey = build_timeline("2016-revisit", D(2022, 1, 17)).milestone("parent_survey")
    assert countdown(survey, at(D(2022, 1, 20), 9)) == "2 working days, 3 hours"
    assert countdown(survey, at(D(2022, 1, 20), 15)) == "1 working day, 21 hours"
    # The weekend does not count: Friday 15:00 to Monday 12:00 is 21 working hours.
    assert countdown(survey, at(D(2022, 1, 21), 15)) == "21 hours"
    assert countdown(survey, at(D(2022, 1, 23), 23, 30)) == "12 hours"
    assert countdown(survey, at(D(2022, 1, 24), 9)) == "today at 12:00"
    assert (
        countdown(survey, at(D(2022, 1, 25), 9))
        == "under way until Friday 28 January 2022 at 12:00"
    )
    assert countdown(survey, at(D(2022, 1, 28), 12, 1)) == "passed"


def test_countdown_for_all_day_milestones():
    timeline = build_timeline("2016-revisit", D(2022, 1, 17))
    letter = timeline.milestone("letter")
    assert countdown(letter, at(D(2022, 3, 21), 17)) == "1 working day"
    assert countdown(letter, at(D(2022, 3, 22), 23)) == "today"
    assert countdown(letter, at(D(2022, 3, 23), 0)) == "passed"


def test_countdown_converts_utc_to_london_time():
    survey = build_timeline("2016-revisit", D(2022, 1, 17)).milestone("parent_survey")
    # In January London is on GMT, so 11:30 UTC is 11:30 in London.
    assert countdown(survey, dt.datetime(2022, 1, 24, 11, 30, tzinfo=dt.UTC)) == "today at 12:00"
