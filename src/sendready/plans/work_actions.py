"""Actions under an area of the plan, their dated updates, and measures of success."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.person_level.indicators import definitions
from sendready.plans.constants import ActionStatus
from sendready.plans.history import snapshot, write_changes
from sendready.plans.models import ActionUpdate, PlanAction, PlanArea, PlanMeasure


def _belongs(owner, plan_area: PlanArea) -> bool:
    return owner is not None and owner.memberships.filter(area_id=plan_area.plan.area_id).exists()


def _check_action(
    *, plan_area: PlanArea, title: str, owner, start: dt.date | None, due: dt.date | None, status
) -> None:
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = "Enter what the action is."
    if owner is None:
        errors["owner"] = "Choose who owns this action: every action needs an owner."
    elif not _belongs(owner, plan_area):
        errors["owner"] = "The owner must be a member of this local area."
    if due is None:
        errors["due_date"] = "Enter the date the action is due: every action needs a due date."
    elif start is not None and due < start:
        errors["due_date"] = (
            f"The due date ({due:%d %B %Y}) is before the start date ({start:%d %B %Y}). "
            "Enter a due date on or after the start."
        )
    if status not in ActionStatus.values:
        errors["status"] = "Choose the action's status."
    if errors:
        raise ValidationError(errors)


def save_action(
    *,
    actor,
    plan_area: PlanArea,
    title: str,
    owner,
    due_date: dt.date | None,
    start_date: dt.date | None = None,
    status: str = ActionStatus.NOT_STARTED,
    action: PlanAction | None = None,
    request=None,
) -> PlanAction:
    """Add an action to an area of the plan, or change one (`action`)."""
    if action is not None and action.plan_area_id != plan_area.pk:
        raise ValidationError("That action belongs to another area of the plan.")
    _check_action(
        plan_area=plan_area, title=title, owner=owner, start=start_date, due=due_date, status=status
    )
    with transaction.atomic():
        if action is None:
            action, before = PlanAction(plan_area=plan_area), None
        else:
            action = PlanAction.objects.select_for_update().get(pk=action.pk)
            before = snapshot(action)
        action.title = title.strip()[:300]
        action.owner = owner
        action.start_date = start_date
        action.due_date = due_date  # type: ignore[assignment]  # checked above
        action.status = status
        action.save()
        changed = write_changes(plan=plan_area.plan, actor=actor, obj=action, before=before)
        record(
            request,
            AuditAction.CREATED if before is None else AuditAction.CHANGED,
            "plan_action",
            action.pk,
            area=plan_area.plan.area,
            user=actor,
            detail=f"{changed} fields; due {action.due_date.isoformat()}, {action.status}",
        )
    return action


def add_action_update(
    *,
    actor,
    action: PlanAction,
    date: dt.date | None,
    note: str,
    evidence_url: str = "",
    request=None,
) -> ActionUpdate:
    """A dated note of progress on an action, with an optional link to the evidence."""
    errors: dict[str, str] = {}
    if date is None:
        errors["date"] = "Enter the date of the update."
    if not note.strip():
        errors["note"] = "Enter what has happened."
    if evidence_url.strip():
        try:
            URLValidator(schemes=["http", "https"])(evidence_url.strip())
        except ValidationError:
            errors["evidence_url"] = (
                "Enter the evidence link as a full web address, like https://example.org/report."
            )
    if errors or date is None:
        raise ValidationError(errors)
    plan = action.plan_area.plan
    with transaction.atomic():
        update = ActionUpdate.objects.create(
            action=action,
            date=date,
            note=note.strip(),
            evidence_url=evidence_url.strip(),
            created_by=actor,
        )
        write_changes(plan=plan, actor=actor, obj=update, before=None)
        record(
            request,
            AuditAction.CREATED,
            "plan_action_update",
            update.pk,
            area=plan.area,
            user=actor,
            detail=f"action {action.pk}, {update.date.isoformat()}",
        )
    return update


def save_measure(
    *,
    actor,
    plan_area: PlanArea,
    name: str,
    baseline: float | None,
    target: float | None,
    current: float | None = None,
    lower_is_better: bool = False,
    indicator_id: str = "",
    measure: PlanMeasure | None = None,
    request=None,
) -> PlanMeasure:
    """Add a measure of success to an area of the plan, or change one (`measure`)."""
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = "Enter what the measure counts."
    if baseline is None:
        errors["baseline"] = (
            "Enter the baseline: the value when the plan started, so progress can be judged."
        )
    if target is None:
        errors["target"] = "Enter the target value the plan aims for."
    if indicator_id.strip() and indicator_id.strip() not in definitions():
        errors["indicator_id"] = (
            f"There is no person-level indicator called {indicator_id.strip()!r}: "
            "choose one from the list, or none."
        )
    if measure is not None and measure.plan_area_id != plan_area.pk:
        errors["name"] = "That measure belongs to another area of the plan."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if measure is None:
            measure, before = PlanMeasure(plan_area=plan_area), None
        else:
            measure = PlanMeasure.objects.select_for_update().get(pk=measure.pk)
            before = snapshot(measure)
        measure.name = name.strip()[:300]
        measure.baseline = baseline  # type: ignore[assignment]  # checked above
        measure.target = target  # type: ignore[assignment]
        measure.current = current
        measure.lower_is_better = lower_is_better
        measure.indicator_id = indicator_id.strip()
        measure.save()
        changed = write_changes(plan=plan_area.plan, actor=actor, obj=measure, before=before)
        record(
            request,
            AuditAction.CREATED if before is None else AuditAction.CHANGED,
            "plan_measure",
            measure.pk,
            area=plan_area.plan.area,
            user=actor,
            detail=f"{changed} fields",
        )
    return measure
