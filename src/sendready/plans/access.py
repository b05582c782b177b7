"""Finding a plan and its parts inside the person's area: another area's plan is not found (404)."""

from django.shortcuts import get_object_or_404

from sendready.areas.models import LocalArea
from sendready.plans.models import Plan, PlanAction, PlanArea, PlanMeasure


def get_plan(area: LocalArea, plan_id: int) -> Plan:
    return get_object_or_404(Plan.objects.for_area(area), pk=plan_id)


def get_plan_area(plan: Plan, number: int) -> PlanArea:
    return get_object_or_404(plan.areas, number=number)


def get_action(plan_area: PlanArea, action_id: int) -> PlanAction:
    return get_object_or_404(plan_area.actions.select_related("owner"), pk=action_id)


def get_measure(plan_area: PlanArea, measure_id: int) -> PlanMeasure:
    return get_object_or_404(plan_area.measures, pk=measure_id)


def inspections_of(area: LocalArea):
    """The area's inspections, newest first, for choosing the one a plan or judgement answers."""
    model = Plan._meta.get_field("inspection").related_model
    return model._default_manager.filter(area=area).order_by("-notified_on")
