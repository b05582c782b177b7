"""The plan's history of changes: written with every change, read back through domain.plans.history.

Each tracked object is recorded field by field (`object_kind`, `object_id`, `field`, before, after),
so the plan as it stood on any date can be rebuilt by `domain.plans.history.as_at`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils import timezone

from sendready.domain.plans.history import PlanChange
from sendready.plans.models import (
    ActionUpdate,
    Judgement,
    Plan,
    PlanAction,
    PlanArea,
    PlanFieldChange,
    PlanMeasure,
)

# What each kind of object keeps in the history, and the fields it is remembered by.
TRACKED: dict[type[models.Model], tuple[str, tuple[str, ...]]] = {
    Plan: ("plan", ("plan_type", "title", "inspection_id", "due_date")),
    PlanArea: (
        "area",
        ("kind", "number", "title", "description", "responsible_body", "provider_name"),
    ),
    PlanAction: ("action", ("plan_area_id", "title", "owner", "start_date", "due_date", "status")),
    ActionUpdate: ("update", ("action_id", "date", "note", "evidence_url")),
    PlanMeasure: (
        "measure",
        (
            "plan_area_id",
            "name",
            "baseline",
            "target",
            "current",
            "lower_is_better",
            "indicator_id",
        ),
    ),
    Judgement: ("judgement", ("plan_area_id", "inspection_id", "judgement", "date", "findings")),
}
REMOVED = "removed"


def _plain(value: Any) -> Any:
    """A value as JSON keeps it: dates as ISO text, people by name."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "get_username"):
        return value.get_full_name() or value.get_username()
    return value


def snapshot(obj: models.Model) -> dict[str, Any]:
    """The tracked fields of an object, as the history stores them."""
    _, fields = TRACKED[type(obj)]
    return {f: _plain(getattr(obj, f)) for f in fields}


def item_name(obj: models.Model) -> str:
    kind, _ = TRACKED[type(obj)]
    return f"{kind}:{obj.pk}"


def write_changes(
    *, plan: Plan, actor, obj: models.Model, before: dict[str, Any] | None, at=None
) -> int:
    """Store a row per field that differs from `before` (None: the object is new). Call inside
    the action's transaction."""
    kind, _ = TRACKED[type(obj)]
    after = snapshot(obj)
    when = at or timezone.now()
    rows = [
        PlanFieldChange(
            plan=plan,
            at=when,
            by=actor,
            object_kind=kind,
            object_id=obj.pk,
            field=name,
            before=None if before is None else before.get(name),
            after=value,
        )
        for name, value in after.items()
        if before is None or before.get(name) != value
    ]
    PlanFieldChange.objects.bulk_create(rows)
    return len(rows)


def write_removal(*, plan: Plan, actor, obj: models.Model, at=None) -> None:
    """Remember that an object left the plan (it is deleted after this; its history stays)."""
    kind, _ = TRACKED[type(obj)]
    PlanFieldChange.objects.create(
        plan=plan,
        at=at or timezone.now(),
        by=actor,
        object_kind=kind,
        object_id=obj.pk,
        field=REMOVED,
        before=False,
        after=True,
    )


def change_records(plan: Plan) -> list[PlanChange]:
    """The plan's history as the domain reads it."""
    return [
        PlanChange(at=c.at, item=f"{c.object_kind}:{c.object_id}", field=c.field, value=c.after)
        for c in plan.changes.order_by("at", "pk")
    ]
