"""The shipped framework files load, follow the schema and carry the reference's key numbers."""

import pytest

from sendready.domain.inspection.frameworks import (
    ACTORS,
    STATUSES,
    UnknownFramework,
    list_frameworks,
    load_framework,
)

NAMES = ["2016-inspection", "2016-revisit", "2023-full", "2023-monitoring"]


def test_the_four_frameworks_are_listed():
    assert list_frameworks() == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_framework_loads_with_sourced_steps_and_settings(name):
    fw = load_framework(name)
    assert fw.title and fw.summary and fw.steps
    assert fw.steps[0].key == "notification"
    for step in fw.steps:
        assert step.actor in ACTORS and step.status in STATUSES
        assert step.source and step.description
    for setting in fw.settings.values():
        assert setting.default >= 0 and setting.label and setting.status in STATUSES


@pytest.mark.parametrize("name", NAMES)
def test_every_framework_has_an_onsite_step_with_a_length(name):
    onsite = load_framework(name).step("onsite")
    assert onsite.phase == "onsite"
    assert onsite.duration is not None or onsite.end is not None


def test_an_unknown_framework_name_lists_the_valid_names():
    with pytest.raises(UnknownFramework) as caught:
        load_framework("2019-full")
    message = str(caught.value)
    assert "2019-full" in message
    for name in NAMES:
        assert name in message


def test_2016_inspection_is_on_site_the_week_after_the_call_with_a_70_day_wsoa():
    fw = load_framework("2016-inspection")
    assert (fw.step("onsite").start.amount, fw.step("onsite").start.unit) == (7, "days_from_monday")
    assert fw.step("wsoa_due").start.amount == 70
    assert fw.step("wsoa_due").start.anchor == "letter"
    assert fw.settings["letter_wd"].status != "confirmed"


def test_2016_revisit_letter_lag_is_a_setting_defaulting_to_33():
    fw = load_framework("2016-revisit")
    assert fw.step("letter").start.amount == "letter_wd"
    assert fw.settings["letter_wd"].default == 33
    assert fw.settings["onsite_days"].default == 4


def test_2023_full_treats_monday_notification_as_a_warning_not_a_rule():
    fw = load_framework("2023-full")
    assert fw.notification_weekday == 0
    assert fw.monday_rule == "warning"
    assert fw.settings["report_lag_wd"].default == 43
    assert fw.settings["report_lag_wd"].status == "derived"


def test_2023_monitoring_numbers_are_all_unconfirmed_settings():
    fw = load_framework("2023-monitoring")
    assert {"notice_wd", "onsite_days", "report_lag_wd"} <= set(fw.settings)
    assert all(s.status == "unconfirmed" for s in fw.settings.values())


def test_lags_from_the_shipped_data_are_derived_and_say_how_many_cases():
    letter = load_framework("2016-inspection").settings["letter_wd"]
    assert (letter.default, letter.status) == (42, "derived") and "n=151" in letter.note
    revisit = load_framework("2016-revisit").settings["letter_wd"]
    assert revisit.default == 33 and "n=47" in revisit.note and "34" in revisit.note
    pap = load_framework("2023-full").settings["pap_wd"]
    assert (pap.default, pap.status) == (30, "derived") and "n=2" in pap.note


@pytest.mark.parametrize("name", NAMES)
def test_every_source_has_a_readable_title_and_every_conditional_step_an_outcome(name):
    fw = load_framework(name)
    for source in fw.sources.values():
        assert source.title and source.title != source.key
        assert not source.url or source.url.startswith("https://")
    assert fw.outcomes and fw.report_step
    for step in fw.steps:
        if step.outcomes is not None:
            assert step.condition, step.key


def test_surveys_are_sent_by_the_partnership_not_by_families():
    assert load_framework("2023-full").step("surveys").actor == "partnership"
    assert load_framework("2016-revisit").step("parent_survey").actor == "partnership"
