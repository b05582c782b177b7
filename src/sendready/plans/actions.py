"""Starting a plan and naming its areas: each action owns its transaction, audit entry and history."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.plans import plan_due, plan_type
from sendready.plans.constants import ResponsibleBody, default_area_title
from sendready.plans.history import snapshot, write_changes
from sendready.plans.models import Plan, PlanArea


def _check_same_area(area: LocalArea, inspection_id: int | None) -> None:
    if inspection_id is None:
        return
    inspections = Plan._meta.get_field("inspection").related_model._default_manager
    if not inspections.filter(pk=inspection_id, area=area).exists():
        raise ValidationError({"inspection": "That inspection is not one of this local area's."})


def create_plan(
    *,
    actor,
    area: LocalArea,
    plan_type_key: str,
    title: str = "",
    inspection_id: int | None = None,
    report_date: dt.date | None = None,
    areas: int = 0,
    request=None,
) -> Plan:
    """Start a plan; its due date comes from the framework and the real report date, if it fixes one."""
    try:
        kind = plan_type(plan_type_key)
    except ValueError as exc:
        raise ValidationError({"plan_type": str(exc)}) from exc
    _check_same_area(area, inspection_id)
    due = plan_due(kind.key, report_date) if report_date is not None else None
    with transaction.atomic():
        plan = Plan.objects.create(
            area=area,
            plan_type=kind.key,
            title=(title.strip() or kind.title)[:200],
            inspection_id=inspection_id,
            due_date=due,
            created_by=actor,
        )
        write_changes(plan=plan, actor=actor, obj=plan, before=None)
        for number in range(1, areas + 1):
            _add_area(plan=plan, actor=actor, kind=kind.area_kind, number=number)
        record(
            request,
            AuditAction.CREATED,
            "plan",
            plan.pk,
            area=area,
            user=actor,
            detail=f"{kind.key} plan with {areas} areas, due {due.isoformat() if due else 'not fixed'}",
        )
    return plan


def _add_area(*, plan: Plan, actor, kind: str, number: int, title: str = "") -> PlanArea:
    plan_area = PlanArea.objects.create(
        plan=plan, kind=kind, number=number, title=title or default_area_title(kind, number)
    )
    write_changes(plan=plan, actor=actor, obj=plan_area, before=None)
    return plan_area


def _check_area_values(title: str, responsible_body: str, provider_name: str) -> None:
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = "Enter the area's title, as the report words it."
    if responsible_body not in ResponsibleBody.values:
        errors["responsible_body"] = (
            "Choose who is responsible: the council, the integrated care board, both, "
            "or a named provider."
        )
    elif responsible_body == ResponsibleBody.PROVIDER and not provider_name.strip():
        errors["provider_name"] = "Enter the name of the provider responsible for this area."
    if errors:
        raise ValidationError(errors)


def _set_area_values(
    plan_area: PlanArea, title: str, description: str, responsible_body: str, provider_name: str
) -> None:
    plan_area.title = title.strip()[:300]
    plan_area.description = description.strip()
    plan_area.responsible_body = responsible_body
    plan_area.provider_name = (
        provider_name.strip() if responsible_body == ResponsibleBody.PROVIDER else ""
    )


def add_plan_area(
    *,
    actor,
    plan: Plan,
    title: str,
    description: str = "",
    responsible_body: str = ResponsibleBody.BOTH,
    provider_name: str = "",
    request=None,
) -> PlanArea:
    """Add an area to the plan, numbered after the last."""
    _check_area_values(title, responsible_body, provider_name)
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        last = plan.areas.order_by("-number").first()
        plan_area = PlanArea(
            plan=plan,
            kind=plan_type(plan.plan_type).area_kind,
            number=(last.number if last else 0) + 1,
        )
        _set_area_values(plan_area, title, description, responsible_body, provider_name)
        plan_area.save()
        write_changes(plan=plan, actor=actor, obj=plan_area, before=None)
        record(request, AuditAction.CREATED, "plan_area", plan_area.pk, area=plan.area, user=actor)
    return plan_area


def edit_plan_area(
    *,
    actor,
    plan_area: PlanArea,
    title: str,
    description: str = "",
    responsible_body: str,
    provider_name: str = "",
    request=None,
) -> PlanArea:
    """Name an area as the report does, and who the report holds responsible for it."""
    _check_area_values(title, responsible_body, provider_name)
    with transaction.atomic():
        plan_area = PlanArea.objects.select_for_update().get(pk=plan_area.pk)
        before = snapshot(plan_area)
        _set_area_values(plan_area, title, description, responsible_body, provider_name)
        plan_area.save()
        changed = write_changes(plan=plan_area.plan, actor=actor, obj=plan_area, before=before)
        record(
            request,
            AuditAction.CHANGED,
            "plan_area",
            plan_area.pk,
            area=plan_area.plan.area,
            user=actor,
            detail=f"{changed} fields changed",
        )
    return plan_area
