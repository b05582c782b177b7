"""The only ways to change inspection records: each owns its transaction and audit entry.

Every action takes keyword arguments only: `actor` (who acts), the record, then the values."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.inspection.frameworks import load_framework
from sendready.domain.inspection.timeline import Timeline
from sendready.inspections.constants import InspectionStatus
from sendready.inspections.models import (
    ActualDate,
    Inspection,
    Milestone,
    Task,
)
from sendready.inspections.timelines import overrides_of, plan_timeline, stored_settings

LONDON = ZoneInfo("Europe/London")
END_OF_WORKING_DAY = dt.time(17, 0)
ACTIVE_EXISTS = (
    "{area} already has an active inspection (notified {date}). Mark it as concluded before "
    "recording another."
)


def _lock(inspection: Inspection) -> None:
    """Lock the inspection's row and read it afresh into the caller's object, so two people's
    changes cannot interleave; callers hold the transaction."""
    Inspection.objects.select_for_update().filter(pk=inspection.pk).values_list("pk").get()
    inspection.refresh_from_db()


def _check_no_active_inspection(area: LocalArea) -> None:
    """Refuse a second active inspection for one area."""
    current = Inspection.objects.for_area(area).active().first()
    if current is not None:
        raise ValidationError(
            {
                "framework": ACTIVE_EXISTS.format(
                    area=area.name, date=f"{current.notified_on.day} {current.notified_on:%B %Y}"
                )
            }
        )


def record_inspection(
    *,
    actor,
    area: LocalArea,
    framework: str,
    notified_on: dt.date,
    overrides: dict[str, dt.date] | None = None,
    request=None,
) -> Inspection:
    """Record a notification: the inspection, every dated milestone and a task for each."""
    timeline = plan_timeline(framework, notified_on, overrides)
    _check_no_active_inspection(area)
    overrides = overrides or {}
    try:
        with transaction.atomic():
            inspection = Inspection.objects.create(
                area=area,
                framework=framework,
                notified_on=notified_on,
                created_by=actor,
                onsite_start=overrides.get("onsite_start"),
                onsite_end=overrides.get("onsite_end"),
                contact_email=getattr(actor, "email", "") or "",
            )
            write_milestones(inspection=inspection, timeline=timeline, owner=actor)
            for name, day in overrides.items():
                ActualDate.objects.create(
                    inspection=inspection, name=name, date=day, entered_by=actor
                )
            record(
                request,
                AuditAction.CREATED,
                "inspection",
                inspection.pk,
                area=area,
                user=actor,
                detail=f"{framework} notified {notified_on.isoformat()}",
            )
    except IntegrityError as exc:  # a second request raced this one past the check above
        raise ValidationError(
            {"framework": ACTIVE_EXISTS.format(area=area.name, date="just now")}
        ) from exc
    return inspection


def change_onsite_dates(
    *,
    actor,
    inspection: Inspection,
    onsite_start: dt.date | None,
    onsite_end: dt.date | None,
    request=None,
) -> Inspection:
    """Move the on-site dates; milestones are dated again and tasks keep their progress."""
    given = {"onsite_start": onsite_start, "onsite_end": onsite_end}
    with transaction.atomic():
        _lock(inspection)
        overrides = {**overrides_of(inspection), **{k: v for k, v in given.items() if v}}
        for name in (k for k, v in given.items() if not v):
            overrides.pop(name, None)
        timeline = plan_timeline(
            inspection.framework,
            inspection.notified_on,
            overrides,
            stored_settings(inspection),
            inspection.outcome_key,
        )
        inspection.onsite_start, inspection.onsite_end = onsite_start, onsite_end
        inspection.save(update_fields=["onsite_start", "onsite_end", "updated_at"])
        for name, day in given.items():
            save_actual_row(inspection=inspection, name=name, day=day, actor=actor)
        write_milestones(inspection=inspection, timeline=timeline, owner=None)
        record(
            request,
            AuditAction.CHANGED,
            "inspection",
            inspection.pk,
            area=inspection.area,
            user=actor,
            detail="on-site dates changed",
        )
    return inspection


def save_actual_row(*, inspection: Inspection, name: str, day: dt.date | None, actor) -> None:
    """Store (or, with no date, remove) one real date; callers hold the transaction."""
    if day is None:
        ActualDate.objects.filter(inspection=inspection, name=name).delete()
        return
    ActualDate.objects.update_or_create(
        inspection=inspection, name=name, defaults={"date": day, "entered_by": actor}
    )


def change_settings(
    *, actor, inspection: Inspection, values: dict[str, int], request=None
) -> Inspection:
    """Change the framework's unconfirmed numbers for this inspection and date it again."""
    framework_defaults = {
        n: s.default for n, s in load_framework(inspection.framework).settings.items()
    }
    changed = {n: v for n, v in values.items() if framework_defaults.get(n) != v}
    with transaction.atomic():
        _lock(inspection)
        timeline = plan_timeline(
            inspection.framework,
            inspection.notified_on,
            overrides_of(inspection),
            changed,
            inspection.outcome_key,
        )
        inspection.framework_settings = changed
        inspection.save(update_fields=["framework_settings", "updated_at"])
        write_milestones(inspection=inspection, timeline=timeline, owner=None)
        record(
            request,
            AuditAction.CHANGED,
            "inspection",
            inspection.pk,
            area=inspection.area,
            user=actor,
            detail=f"framework settings: {changed}",
        )
    return inspection


def _due_at(day: dt.date, time: dt.time | None) -> dt.datetime:
    return dt.datetime.combine(day, time or END_OF_WORKING_DAY, tzinfo=LONDON)


def write_milestones(*, inspection: Inspection, timeline: Timeline, owner) -> None:
    """Store the timeline's milestones; steps the timeline no longer has go, with their tasks.
    Callers hold the transaction."""
    existing = {m.key: m for m in inspection.milestones.select_related("task")}
    for position, item in enumerate(timeline.milestones):
        milestone = existing.pop(item.key, None)
        if milestone is None:
            milestone = Milestone(inspection=inspection, key=item.key)
        milestone.title = item.title
        milestone.description = item.description
        milestone.date = item.date
        milestone.end_date = item.end_date
        milestone.time = item.time
        milestone.end_time = item.end_time
        milestone.actor = item.actor
        milestone.actor_label = item.actor_label
        milestone.phase = item.phase
        milestone.condition = item.condition or ""
        milestone.source = item.source
        milestone.source_status = item.status
        milestone.position = position
        if milestone.pk is None:
            milestone.save()
            Task.objects.create(
                inspection=inspection,
                milestone=milestone,
                title=item.title,
                owner=owner,
                due_at=_due_at(item.date, item.time),
            )
            continue
        milestone.save()
        task = getattr(milestone, "task", None)
        if task is not None:
            task.due_at = _due_at(item.date, item.time)
            task.save(update_fields=["due_at", "updated_at"])
    for stale in existing.values():
        # A step the recorded outcome does not bring is no longer work to do.
        Task.objects.filter(milestone=stale).delete()
        stale.delete()


def update_task(
    *,
    actor,
    task: Task,
    owner,
    status: str,
    due_at: dt.datetime,
    notes: str,
    request=None,
) -> Task:
    """Change a task's owner, status, due time or notes."""
    with transaction.atomic():
        task.owner, task.status, task.due_at, task.notes = owner, status, due_at, notes
        task.save()
        record(
            request,
            AuditAction.CHANGED,
            "task",
            task.pk,
            area=task.inspection.area,
            user=actor,
            detail=f"{task.title}: {task.get_status_display()}",
        )
    return task


def conclude_inspection(*, actor, inspection: Inspection, request=None) -> Inspection:
    """Mark the inspection as over, so the area can record the next one."""
    with transaction.atomic():
        inspection.status = InspectionStatus.CONCLUDED
        inspection.save(update_fields=["status", "updated_at"])
        record(
            request,
            AuditAction.CHANGED,
            "inspection",
            inspection.pk,
            area=inspection.area,
            user=actor,
            detail="concluded",
        )
    return inspection
