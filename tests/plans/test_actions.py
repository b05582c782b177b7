"""Plan actions: what they write, what they refuse, and the history they keep."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sendready.audit.models import AuditEvent
from sendready.plans.actions import create_plan, edit_plan_area
from sendready.plans.judgement_actions import record_judgement
from sendready.plans.models import PlanAction, PlanFieldChange, PlanMeasure
from sendready.plans.work_actions import add_action_update, save_action, save_measure


@pytest.fixture
def plan(people, lano):
    return create_plan(
        actor=lano,
        area=people.area,
        plan_type_key="wsoa",
        report_date=dt.date(2019, 3, 1),
        areas=3,
    )


def test_create_plan_names_areas_and_dates_it(plan) -> None:
    assert plan.due_date == dt.date(2019, 6, 13)
    assert [a.title for a in plan.areas.all()] == [
        "Significant weakness 1",
        "Significant weakness 2",
        "Significant weakness 3",
    ]
    assert AuditEvent.objects.filter(object_type="plan", object_id=str(plan.pk)).exists()
    assert PlanFieldChange.objects.filter(plan=plan, object_kind="area").count() == 3 * 6


def test_plans_without_a_fixed_due_date(people, lano) -> None:
    own = create_plan(
        actor=lano, area=people.area, plan_type_key="improvement", report_date=dt.date(2024, 1, 5)
    )
    assert own.due_date is None


def test_action_refusals_write_nothing(plan, lano, two_areas) -> None:
    area = plan.areas.first()
    before = PlanFieldChange.objects.count()
    with pytest.raises(ValidationError) as no_owner:
        save_action(actor=lano, plan_area=area, title="Train staff", owner=None, due_date=None)
    assert "owner" in no_owner.value.message_dict and "due_date" in no_owner.value.message_dict
    with pytest.raises(ValidationError) as backwards:
        save_action(
            actor=lano,
            plan_area=area,
            title="Train staff",
            owner=lano,
            start_date=dt.date(2019, 5, 1),
            due_date=dt.date(2019, 4, 1),
        )
    assert "before the start date" in backwards.value.message_dict["due_date"][0]
    with pytest.raises(ValidationError) as outsider:
        save_action(
            actor=lano,
            plan_area=area,
            title="Train staff",
            owner=two_areas[0].outsider,
            due_date=dt.date(2019, 4, 1),
        )
    assert "member of this local area" in outsider.value.message_dict["owner"][0]
    with pytest.raises(ValidationError) as no_baseline:
        save_measure(actor=lano, plan_area=area, name="EHCPs in 20 weeks", baseline=None, target=60)
    assert "baseline" in no_baseline.value.message_dict
    with pytest.raises(ValidationError, match="no person-level indicator called 'waits'"):
        save_measure(
            actor=lano, plan_area=area, name="Waits", baseline=1, target=2, indicator_id="waits"
        )
    with pytest.raises(ValidationError) as not_in_plan:
        record_judgement(
            actor=lano, plan=plan, number=9, judgement="sufficient", date=dt.date(2022, 6, 14)
        )
    assert "Area 9 is not in this plan" in not_in_plan.value.message_dict["number"][0]
    assert PlanFieldChange.objects.count() == before
    assert not PlanAction.objects.exists() and not PlanMeasure.objects.exists()


def test_changes_are_kept_field_by_field(plan, lano) -> None:
    area = plan.areas.first()
    edit_plan_area(
        actor=lano, plan_area=area, title="Waiting times for assessment", responsible_body="icb"
    )
    action = save_action(
        actor=lano, plan_area=area, title="Clear backlog", owner=lano, due_date=dt.date(2019, 9, 1)
    )
    save_action(
        actor=lano,
        plan_area=area,
        action=action,
        title="Clear backlog",
        owner=lano,
        due_date=dt.date(2019, 9, 1),
        status="complete",
    )
    add_action_update(
        actor=lano,
        action=action,
        date=dt.date(2019, 8, 1),
        note="Backlog cleared",
        evidence_url="https://example.org/evidence",
    )
    status = PlanFieldChange.objects.get(object_kind="action", field="status", before__isnull=False)
    assert (status.before, status.after) == ("not_started", "complete")
    title = PlanFieldChange.objects.get(
        object_kind="area", object_id=area.pk, field="title", before__isnull=False
    )
    assert title.after == "Waiting times for assessment"


def test_a_measure_follows_its_indicator_on_the_date_asked(plan, lano, people, monkeypatch):
    from sendready.areas import registry
    from sendready.areas.registry import IndicatorValue, SnapshotValues
    from sendready.plans.plan_state import plan_as_at

    def snapshots(area):
        return [
            SnapshotValues(
                day,
                {
                    "ehc_within_20_weeks_pct": IndicatorValue(
                        "ehc_within_20_weeks_pct", "In 20 weeks", v, "%"
                    )
                },
            )
            for day, v in ((dt.date(2030, 6, 30), 64.0), (dt.date(2030, 1, 31), 45.0))
        ]

    monkeypatch.setattr(registry, "_INDICATOR_PROVIDERS", [snapshots])
    save_measure(
        actor=lano,
        plan_area=plan.areas.first(),
        name="EHC plans in 20 weeks (%)",
        baseline=40,
        target=60,
        current=41,
        indicator_id="ehc_within_20_weeks_pct",
    )
    now = plan_as_at(plan, dt.date(2030, 3, 1)).areas[0]
    assert now.measures[0].current == 45.0 and "31 January 2030" in now.measures[0].current_from
    later = plan_as_at(plan, dt.date(2030, 7, 1)).areas[0]
    assert later.measures[0].current == 64.0 and later.rag == "green"
    before = plan_as_at(plan, dt.date(2029, 12, 1)).areas[0]
    assert (
        before.measures[0].current == 41.0 and before.measures[0].current_from == "entered by hand"
    )
