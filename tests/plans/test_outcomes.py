"""A recorded outcome makes the plan it requires; a re-visit judges its areas and brings the APP."""

import datetime as dt

import pytest
from django.utils import timezone

from sendready.domain.plans import plan_due
from sendready.inspections import actions
from sendready.inspections.outcome_actions import record_outcome
from sendready.plans.actions import edit_plan_area
from sendready.plans.models import Judgement, Plan, PlanFieldChange
from tests.plans.conftest import inspected, record, revisited

SPLIT = {1: "sufficient", 2: "sufficient", 3: "sufficient", 4: "insufficient", 5: "insufficient"}


def test_a_wsoa_outcome_makes_the_plan_due_70_working_days_after_the_report(wsoa_inspection):
    plan = Plan.objects.get()
    assert (plan.plan_type, plan.inspection_id) == ("wsoa", wsoa_inspection.pk)
    assert plan.due_date == dt.date(2019, 6, 13)
    assert [a.title for a in plan.areas.all()] == [f"Significant weakness {n}" for n in range(1, 6)]


def test_recording_the_outcome_again_lines_the_plan_up_and_keeps_named_areas(wsoa_inspection, lano):
    plan = Plan.objects.get()
    fourth = plan.areas.get(number=4)
    edit_plan_area(
        actor=lano, plan_area=fourth, title="Waiting times for therapy", responsible_body="icb"
    )
    record_outcome(
        actor=lano,
        inspection=wsoa_inspection,
        key="wsoa",
        report_date=dt.date(2019, 3, 1),
        counts={"weaknesses": 3},
    )
    assert Plan.objects.count() == 1
    assert list(plan.areas.values_list("number", flat=True)) == [1, 2, 3, 4]
    assert PlanFieldChange.objects.filter(plan=plan, field="removed").count() == 1
    record_outcome(
        actor=lano,
        inspection=wsoa_inspection,
        key="wsoa",
        report_date=dt.date(2019, 3, 1),
        counts={"weaknesses": 3},
    )
    assert plan.areas.count() == 4 and Plan.objects.count() == 1


def test_a_revisit_judges_each_area_and_brings_the_accelerated_plan_5_weeks_on(
    people, lano, wsoa_inspection
):
    wsoa = Plan.objects.get()
    edit_plan_area(
        actor=lano,
        plan_area=wsoa.areas.get(number=4),
        title="Joint commissioning",
        responsible_body="provider",
        provider_name="Ashvale Community Health",
    )
    revisit = revisited(people, lano, wsoa_inspection, SPLIT)
    judged = {
        j.plan_area.number: j.judgement for j in Judgement.objects.filter(plan_area__plan=wsoa)
    }
    assert judged == SPLIT
    app = Plan.objects.get(plan_type="app")
    assert (app.inspection_id, app.due_date) == (revisit.pk, dt.date(2022, 7, 19))
    assert [(a.number, a.title) for a in app.areas.all()] == [
        (4, "Joint commissioning"),
        (5, "Significant weakness 5"),
    ]
    assert app.areas.get(number=4).provider_name == "Ashvale Community Health"
    # Recorded again, all sufficient: the untouched APP goes, the judgements are replaced.
    record(lano, revisit, dict.fromkeys(range(1, 6), "sufficient"))
    assert not Plan.objects.filter(plan_type="app").exists()
    assert set(Judgement.objects.values_list("judgement", flat=True)) == {"sufficient"}
    assert Judgement.objects.count() == 5


def test_a_report_recorded_today_dates_the_plan_by_the_framework(people, lano):
    today = timezone.localdate()
    inspected(people, lano, report=today, weaknesses=2)
    plan = Plan.objects.get()
    assert plan.due_date == plan_due("wsoa", today) and plan.due_date > today


def test_current_framework_outcomes_make_a_pap_or_a_strategic_plan_without_a_due_date(people, lano):
    first = actions.record_inspection(
        actor=lano, area=people.area, framework="2023-full", notified_on=dt.date(2025, 9, 8)
    )
    record_outcome(
        actor=lano,
        inspection=first,
        key="systemic",
        report_date=dt.date(2025, 11, 14),
        counts={"priority_action_areas": 2, "improvement_areas": 3},
    )
    pap = Plan.objects.get()
    assert pap.plan_type == "pap" and pap.due_date == plan_due("pap", dt.date(2025, 11, 14))
    assert [a.title for a in pap.areas.all()] == ["Priority action 1", "Priority action 2"]
    record_outcome(
        actor=lano,
        inspection=first,
        key="inconsistent",
        report_date=dt.date(2025, 11, 14),
        counts={"priority_action_areas": 0, "improvement_areas": 3},
    )
    strategic = Plan.objects.get()
    assert strategic.plan_type == "strategic" and strategic.due_date is None
    assert strategic.areas.count() == 3


def test_a_listener_that_fails_undoes_the_recorded_outcome(people, lano, monkeypatch):
    from sendready.areas import registry

    def refuse(*, outcome, actor, request=None):
        raise RuntimeError("plans could not follow")

    monkeypatch.setattr(registry, "_OUTCOME_LISTENERS", [*registry._OUTCOME_LISTENERS, refuse])
    inspection = actions.record_inspection(
        actor=lano, area=people.area, framework="2016-inspection", notified_on=dt.date(2018, 12, 3)
    )
    with pytest.raises(RuntimeError):
        record_outcome(
            actor=lano,
            inspection=inspection,
            key="wsoa",
            report_date=dt.date(2019, 3, 1),
            counts={"weaknesses": 2},
        )
    inspection.refresh_from_db()
    assert inspection.outcome_key == "" and not Plan.objects.exists()
