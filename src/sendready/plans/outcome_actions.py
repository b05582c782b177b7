"""Plans that follow a recorded outcome: a plan with its areas, or a re-visit's judgements and the
accelerated progress plan. Runs inside the transaction recording the outcome; recording it again
brings the plans in line (what people added is kept, and the history keeps every change)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from sendready.areas.registry import OutcomeRecorded
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.plans import (
    PlanType,
    plan_due,
    plan_type,
    plan_type_for_outcome,
    revisit_follow_ups,
)
from sendready.plans.constants import default_area_title
from sendready.plans.history import REMOVED, snapshot, write_changes, write_removal
from sendready.plans.models import Judgement, Plan, PlanArea

REVISIT = "2016-revisit"


def follow_outcome(*, outcome: OutcomeRecorded, actor, request=None) -> list[Plan]:
    """Make (or bring in line) the plans the outcome requires; returns them."""
    with transaction.atomic():
        if outcome.framework == REVISIT and outcome.judgements:
            plans = _follow_revisit(outcome, actor)
        else:
            kind = plan_type_for_outcome(outcome.framework, outcome.outcome_key)
            count = int(outcome.counts.get(kind.areas_from, 0)) if kind else 0
            plans = [_plan_for(outcome, actor, kind, list(range(1, count + 1)))] if kind else []
        _drop_unrequired(outcome, actor, keep=plans)
        record(
            request,
            AuditAction.CHANGED,
            "plan",
            ",".join(str(p.pk) for p in plans),
            area=outcome.area,
            user=actor,
            detail=f"plans following outcome {outcome.outcome_key} of inspection "
            f"{outcome.inspection_pk}",
        )
    return plans


def _answering(outcome: OutcomeRecorded) -> Q:
    """Rows for this outcome's inspection (or, for an outcome recorded without one, for none)."""
    if outcome.inspection_pk is None:
        return Q(inspection__isnull=True)
    return Q(inspection_id=outcome.inspection_pk)


def _plan_for(
    outcome: OutcomeRecorded,
    actor,
    kind: PlanType,
    numbers: list[int],
    copy_from: dict[int, PlanArea] | None = None,
) -> Plan:
    due = plan_due(kind.key, outcome.report_date)
    plan = (
        Plan.objects.for_area(outcome.area).filter(_answering(outcome), plan_type=kind.key).first()
    )
    if plan is None:
        plan = Plan.objects.create(
            area=outcome.area,
            plan_type=kind.key,
            title=kind.title,
            inspection_id=outcome.inspection_pk,
            due_date=due,
            created_by=actor,
        )
        write_changes(plan=plan, actor=actor, obj=plan, before=None)
    elif plan.due_date != due:
        before = snapshot(plan)
        plan.due_date = due
        plan.save(update_fields=["due_date"])
        write_changes(plan=plan, actor=actor, obj=plan, before=before)
    _line_up_areas(plan, actor, kind.area_kind, numbers, copy_from or {})
    return plan


def _line_up_areas(
    plan: Plan, actor, kind: str, numbers: list[int], copy_from: dict[int, PlanArea]
) -> None:
    have = {a.number: a for a in plan.areas.all()}
    for number in numbers:
        if number in have:
            continue
        source = copy_from.get(number)
        made = PlanArea.objects.create(
            plan=plan,
            kind=kind,
            number=number,
            title=source.title if source else default_area_title(kind, number),
            description=source.description if source else "",
            responsible_body=source.responsible_body if source else PlanArea().responsible_body,
            provider_name=source.provider_name if source else "",
        )
        write_changes(plan=plan, actor=actor, obj=made, before=None)
    for number, area in have.items():
        if number not in numbers and _untouched(area):
            write_removal(plan=plan, actor=actor, obj=area)
            area.delete()


def _add_missing_areas(plan: Plan, actor, kind: str, numbers: list[int]) -> None:
    """A re-visit judges every weakness: any the plan lacks are added (none are taken away)."""
    have = set(plan.areas.values_list("number", flat=True))
    for number in numbers:
        if number not in have:
            made = PlanArea.objects.create(
                plan=plan, kind=kind, number=number, title=default_area_title(kind, number)
            )
            write_changes(plan=plan, actor=actor, obj=made, before=None)


def _untouched(area: PlanArea) -> bool:
    """Nothing anyone added: no actions, measures or judgements, and the name it was made with."""
    return (
        area.title == default_area_title(area.kind, area.number)
        and not area.description
        and not area.actions.exists()
        and not area.measures.exists()
        and not area.judgements.exists()
    )


def _follow_revisit(outcome: OutcomeRecorded, actor) -> list[Plan]:
    """Judge each area of the written statement of action; insufficient ones go into the APP."""
    result = revisit_follow_ups(
        {str(n): j for n, j in outcome.judgements.items()}, outcome.report_date
    )
    wsoa = _wsoa_of(outcome, actor)
    _add_missing_areas(wsoa, actor, plan_type("wsoa").area_kind, sorted(outcome.judgements))
    areas = {a.number: a for a in wsoa.areas.all()}
    for number, judgement in sorted(outcome.judgements.items()):
        _judge(areas[number], outcome, actor, judgement)
    if outcome.inspection_pk is not None:
        for stale in Judgement.objects.filter(
            plan_area__plan=wsoa, inspection_id=outcome.inspection_pk
        ).exclude(plan_area__number__in=list(outcome.judgements)):
            write_removal(plan=wsoa, actor=actor, obj=stale)
            stale.delete()
    if not result.insufficient:
        return [wsoa]
    insufficient = sorted(n for n, j in outcome.judgements.items() if j == "insufficient")
    return [wsoa, _plan_for(outcome, actor, plan_type("app"), insufficient, areas)]


def _wsoa_of(outcome: OutcomeRecorded, actor) -> Plan:
    """The area's written statement of action the re-visit judges (made now if none was kept)."""
    found = Plan.objects.for_area(outcome.area).filter(plan_type="wsoa").first()
    if found is not None:
        return found
    kind = plan_type("wsoa")
    plan = Plan.objects.create(
        area=outcome.area, plan_type=kind.key, title=kind.title, created_by=actor
    )
    write_changes(plan=plan, actor=actor, obj=plan, before=None)
    return plan


def _judge(area: PlanArea, outcome: OutcomeRecorded, actor, judgement: str) -> None:
    found = Judgement.objects.filter(_answering(outcome), plan_area=area).first()
    before = snapshot(found) if found else None
    found = found or Judgement(plan_area=area, inspection_id=outcome.inspection_pk)
    found.judgement, found.date = judgement, outcome.report_date
    found.findings = found.findings or outcome.findings
    found.recorded_by = actor
    found.save()
    write_changes(plan=area.plan, actor=actor, obj=found, before=before)


def _drop_unrequired(outcome: OutcomeRecorded, actor, keep: list[Plan]) -> None:
    """Plans made for an earlier recording of this outcome that it no longer requires, if untouched."""
    if outcome.inspection_pk is None:
        return
    for plan in Plan.objects.filter(_answering(outcome)).exclude(pk__in=[p.pk for p in keep]):
        if not _worked_on(plan):
            plan.delete()


def _worked_on(plan: Plan) -> bool:
    """Anything people did in the plan: actions, measures, judgements, or an area renamed."""
    return (
        PlanArea.objects.filter(plan=plan)
        .filter(Q(actions__isnull=False) | Q(measures__isnull=False) | Q(judgements__isnull=False))
        .exists()
        or plan.changes.filter(object_kind="area", before__isnull=False)
        .exclude(field=REMOVED)
        .exists()
    )
