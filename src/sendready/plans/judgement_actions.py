"""Recording a re-visit's or monitoring inspection's judgement of an area of the plan."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.plans.constants import Progress
from sendready.plans.history import snapshot, write_changes
from sendready.plans.models import Judgement, Plan


def _inspection_of_area(inspection_id: int, plan: Plan) -> bool:
    inspections = Judgement._meta.get_field("inspection").related_model._default_manager
    return inspections.filter(pk=inspection_id, area_id=plan.area_id).exists()


def record_judgement(
    *,
    actor,
    plan: Plan,
    number: int,
    judgement: str,
    date: dt.date | None,
    inspection_id: int | None = None,
    findings: str = "",
    request=None,
) -> Judgement:
    """Record (or, for the same inspection, replace) the judgement of area `number` of the plan."""
    plan_area = plan.areas.filter(number=number).first()
    errors: dict[str, str] = {}
    if plan_area is None:
        numbers = ", ".join(str(n) for n in plan.areas.values_list("number", flat=True)) or "none"
        errors["number"] = (
            f"Area {number} is not in this plan (its areas are numbered {numbers}). "
            "Choose one of the plan's areas."
        )
    if judgement not in Progress.values:
        errors["judgement"] = "Choose sufficient or insufficient progress."
    if date is None:
        errors["date"] = "Enter the date of the judgement (the date of the letter or report)."
    if inspection_id is not None and not _inspection_of_area(inspection_id, plan):
        errors["inspection"] = "That inspection is not one of this local area's."
    if errors:
        raise ValidationError(errors)
    assert plan_area is not None
    with transaction.atomic():
        found = (
            Judgement.objects.select_for_update()
            .filter(plan_area=plan_area, inspection_id=inspection_id)
            .first()
            if inspection_id is not None
            else None
        )
        if found is None:
            found, before = Judgement(plan_area=plan_area, inspection_id=inspection_id), None
        else:
            before = snapshot(found)
        found.judgement = judgement
        found.date = date  # type: ignore[assignment]  # checked above
        found.findings = findings.strip()
        found.recorded_by = actor
        found.save()
        write_changes(plan=plan, actor=actor, obj=found, before=before)
        record(
            request,
            AuditAction.CREATED if before is None else AuditAction.CHANGED,
            "plan_judgement",
            found.pk,
            area=plan.area,
            user=actor,
            detail=f"area {number}: {judgement} on {found.date.isoformat()}",
        )
    return found
