"""Recording a notification: every step dated, tasks made, bad input refused with nothing saved."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sendready.areas.constants import Role
from sendready.audit.models import AuditEvent
from sendready.inspections import actions
from sendready.inspections.models import Inspection, Milestone, Task


def test_recording_a_2023_notification_dates_the_on_site_week(inspection):
    onsite = inspection.milestones.get(key="onsite")
    assert (onsite.date, onsite.end_date) == (dt.date(2025, 9, 22), dt.date(2025, 9, 26))
    assert inspection.milestones.get(key="offsite_fieldwork").date == dt.date(2025, 9, 18)


def test_every_milestone_becomes_a_task_owned_by_the_person_who_recorded_it(inspection):
    assert inspection.tasks.count() == inspection.milestones.count() > 10
    assert {t.owner.username for t in inspection.tasks.all()} == {"a_lano"}
    survey = inspection.milestones.get(key="person_level_data")
    assert survey.task.due_at.astimezone(actions.LONDON).hour == 12


def test_recording_is_written_to_the_audit_log(inspection):
    assert AuditEvent.objects.filter(
        object_type="inspection", object_id=str(inspection.pk), action="created"
    ).exists()


def test_a_second_active_inspection_for_the_same_area_is_refused(inspection, two_areas):
    people, _ = two_areas
    with pytest.raises(ValidationError, match="already has an active inspection"):
        actions.record_inspection(
            actor=people.by_role[Role.LANO],
            area=people.area,
            framework="2016-revisit",
            notified_on=dt.date(2025, 10, 6),
        )
    assert Inspection.objects.count() == 1


def test_after_concluding_the_area_can_record_the_next(inspection, two_areas):
    people, _ = two_areas
    actions.conclude_inspection(actor=people.by_role[Role.LANO], inspection=inspection)
    actions.record_inspection(
        actor=people.by_role[Role.LANO],
        area=people.area,
        framework="2023-monitoring",
        notified_on=dt.date(2027, 3, 1),
    )
    assert Inspection.objects.count() == 2


@pytest.mark.parametrize(
    "framework,notified,overrides,message",
    [
        ("2023-full", dt.date(2022, 4, 17), {}, "Easter Sunday"),
        ("2023-full", dt.date(2025, 9, 6), {}, "Saturday"),
        ("2023-full", dt.date(2025, 12, 25), {}, "Christmas Day"),
        ("no-such-framework", dt.date(2025, 9, 8), {}, "no inspection framework called"),
        (
            "2023-full",
            dt.date(2025, 9, 8),
            {"onsite_start": dt.date(2025, 9, 26), "onsite_end": dt.date(2025, 9, 22)},
            "on or after the first day",
        ),
    ],
)
def test_bad_notifications_are_refused_and_nothing_is_saved(
    two_areas, framework, notified, overrides, message
):
    people, _ = two_areas
    with pytest.raises(ValidationError, match=message):
        actions.record_inspection(
            actor=people.by_role[Role.LANO],
            area=people.area,
            framework=framework,
            notified_on=notified,
            overrides=overrides,
        )
    assert not Inspection.objects.exists()
    assert not Milestone.objects.exists() and not Task.objects.exists()


def test_moving_the_on_site_dates_redates_the_letter_and_keeps_task_progress(two_areas):
    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    revisit = actions.record_inspection(
        actor=lano, area=people.area, framework="2016-revisit", notified_on=dt.date(2022, 1, 17)
    )
    task = revisit.milestones.get(key="evidence_sent").task
    actions.update_task(
        actor=lano, task=task, owner=lano, status="done", due_at=task.due_at, notes="sent"
    )
    actions.change_onsite_dates(
        actor=lano,
        inspection=revisit,
        onsite_start=dt.date(2022, 1, 31),
        onsite_end=dt.date(2022, 2, 3),
    )
    assert revisit.milestones.get(key="letter").date == dt.date(2022, 3, 22)
    task.refresh_from_db()
    assert task.status == "done"


def test_changing_an_unconfirmed_setting_redates_the_report(inspection, two_areas):
    people, _ = two_areas
    before = inspection.milestones.get(key="report_published").date
    actions.change_settings(
        actor=people.by_role[Role.LANO], inspection=inspection, values={"report_lag_wd": 30}
    )
    after = inspection.milestones.get(key="report_published").date
    assert after < before and inspection.framework_settings == {"report_lag_wd": 30}
