"""The only ways to change inspection records: each owns its transaction and audit entry."""

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.inspection.frameworks import load_framework
from sendready.domain.inspection.timeline import Timeline, TimelineError, build_timeline
from sendready.inspections.constants import InspectionStatus
from sendready.inspections.models import (
    ActualDate,
    Inspection,
    Milestone,
    Task,
    TeamMember,
    TimetableSession,
)
from sendready.stored_text import clean_model_text

LONDON = ZoneInfo("Europe/London")
# The domain's names for what was wrong, as the inspection form names its fields.
FORM_FIELDS = {
    "notified": "notified_on",
    "onsite_start": "onsite_start",
    "onsite_end": "onsite_end",
    "framework": "framework",
    "settings": None,
    "actual": None,
    "outcome": None,
}
END_OF_WORKING_DAY = dt.time(17, 0)
ACTIVE_EXISTS = (
    "{area} already has an active inspection (notified {date}). Mark it as concluded before "
    "recording another."
)


def plan_timeline(
    framework: str,
    notified_on: dt.date,
    overrides: dict | None = None,
    settings: dict | None = None,
    outcome: str | None = None,
) -> Timeline:
    """The framework's dated steps, or a ValidationError in the words the domain gives."""
    try:
        return build_timeline(
            framework, notified_on, overrides or {}, settings or {}, outcome=outcome or None
        )
    except TimelineError as exc:
        field = FORM_FIELDS.get(exc.field or "", exc.field)
        raise ValidationError({field: str(exc)} if field else str(exc)) from exc


def check_no_active_inspection(area: LocalArea, exclude: Inspection | None = None) -> None:
    """Refuse a second active inspection for one area."""
    active = Inspection.objects.for_area(area).active()
    if exclude is not None:
        active = active.exclude(pk=exclude.pk)
    current = active.first()
    if current is not None:
        raise ValidationError(
            {
                "framework": ACTIVE_EXISTS.format(
                    area=area.name, date=f"{current.notified_on.day} {current.notified_on:%B %Y}"
                )
            }
        )


def record_inspection(
    area: LocalArea,
    user,
    framework: str,
    notified_on: dt.date,
    overrides: dict | None = None,
    request=None,
) -> Inspection:
    """Record a notification: the inspection, every dated milestone and a task for each."""
    timeline = plan_timeline(framework, notified_on, overrides)
    check_no_active_inspection(area)
    overrides = overrides or {}
    try:
        with transaction.atomic():
            inspection = Inspection.objects.create(
                area=area,
                framework=framework,
                notified_on=notified_on,
                created_by=user,
                onsite_start=overrides.get("onsite_start"),
                onsite_end=overrides.get("onsite_end"),
                contact_email=getattr(user, "email", "") or "",
            )
            _write_milestones(inspection, timeline, owner=user)
            for name, day in overrides.items():
                ActualDate.objects.create(
                    inspection=inspection, name=name, date=day, entered_by=user
                )
    except IntegrityError as exc:  # a second request raced this one past the check above
        raise ValidationError(
            {"framework": ACTIVE_EXISTS.format(area=area.name, date="just now")}
        ) from exc
    record(
        request,
        AuditAction.CREATED,
        "inspection",
        inspection.pk,
        area=area,
        user=user,
        detail=f"{framework} notified {notified_on.isoformat()}",
    )
    return inspection


def change_onsite_dates(
    inspection: Inspection,
    user,
    onsite_start: dt.date | None,
    onsite_end: dt.date | None,
    request=None,
) -> Inspection:
    """Move the on-site dates; milestones are dated again and tasks keep their progress."""
    given = {"onsite_start": onsite_start, "onsite_end": onsite_end}
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
    with transaction.atomic():
        inspection.onsite_start, inspection.onsite_end = onsite_start, onsite_end
        inspection.save(update_fields=["onsite_start", "onsite_end", "updated_at"])
        for name, day in given.items():
            save_actual_row(inspection, name, day, user)
        _write_milestones(inspection, timeline, owner=None)
    record(
        request,
        AuditAction.CHANGED,
        "inspection",
        inspection.pk,
        area=inspection.area,
        user=user,
        detail="on-site dates changed",
    )
    return inspection


def overrides_of(inspection: Inspection) -> dict[str, dt.date]:
    """Every real date entered: the on-site fields of older records, then each actual date."""
    dates = {
        k: getattr(inspection, k) for k in ("onsite_start", "onsite_end") if getattr(inspection, k)
    }
    dates.update({a.name: a.date for a in inspection.actual_dates.all()})
    return dates


def stored_settings(inspection: Inspection) -> dict[str, int]:
    """The inspection's changed numbers that its framework still has (a rule change can retire one)."""
    try:
        known = load_framework(inspection.framework).settings
    except LookupError:  # a framework no longer shipped: build_timeline explains that
        return dict(inspection.framework_settings)
    return {name: value for name, value in inspection.framework_settings.items() if name in known}


def save_actual_row(inspection: Inspection, name: str, day: dt.date | None, user) -> None:
    """Store (or, with no date, remove) one real date; callers hold the transaction."""
    if day is None:
        ActualDate.objects.filter(inspection=inspection, name=name).delete()
        return
    ActualDate.objects.update_or_create(
        inspection=inspection, name=name, defaults={"date": day, "entered_by": user}
    )


def timeline_for(inspection: Inspection) -> Timeline:
    """The inspection's timeline, worked out afresh from its record."""
    return build_timeline(
        inspection.framework,
        inspection.notified_on,
        overrides_of(inspection),
        stored_settings(inspection),
        outcome=inspection.outcome_key or None,
    )


def change_settings(
    inspection: Inspection, user, values: dict[str, int], request=None
) -> Inspection:
    """Change the framework's unconfirmed numbers for this inspection and date it again."""
    framework_defaults = {
        n: s.default for n, s in load_framework(inspection.framework).settings.items()
    }
    changed = {n: v for n, v in values.items() if framework_defaults.get(n) != v}
    timeline = plan_timeline(
        inspection.framework,
        inspection.notified_on,
        overrides_of(inspection),
        changed,
        inspection.outcome_key,
    )
    with transaction.atomic():
        inspection.framework_settings = changed
        inspection.save(update_fields=["framework_settings", "updated_at"])
        _write_milestones(inspection, timeline, owner=None)
    record(
        request,
        AuditAction.CHANGED,
        "inspection",
        inspection.pk,
        area=inspection.area,
        user=user,
        detail=f"framework settings: {changed}",
    )
    return inspection


def _due_at(day: dt.date, time: dt.time | None) -> dt.datetime:
    return dt.datetime.combine(day, time or END_OF_WORKING_DAY, tzinfo=LONDON)


def write_milestones(inspection: Inspection, timeline: Timeline, owner) -> None:
    """Store the timeline's milestones; steps the timeline no longer has go, with their tasks."""
    _write_milestones(inspection, timeline, owner)


def _write_milestones(inspection: Inspection, timeline: Timeline, owner) -> None:
    existing = {m.key: m for m in inspection.milestones.select_related("task")}
    for position, item in enumerate(timeline.milestones):
        fields = {
            "title": item.title,
            "description": item.description,
            "date": item.date,
            "end_date": item.end_date,
            "time": item.time,
            "end_time": item.end_time,
            "actor": item.actor,
            "actor_label": item.actor_label,
            "phase": item.phase,
            "condition": item.condition or "",
            "source": item.source,
            "source_status": item.status,
            "position": position,
        }
        milestone = existing.pop(item.key, None)
        if milestone is None:
            milestone = Milestone.objects.create(inspection=inspection, key=item.key, **fields)
            Task.objects.create(
                inspection=inspection,
                milestone=milestone,
                title=item.title,
                owner=owner,
                due_at=_due_at(item.date, item.time),
            )
            continue
        for name, value in fields.items():
            setattr(milestone, name, value)
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
    task: Task, user, owner, status: str, due_at: dt.datetime, notes: str, request=None
) -> Task:
    """Change a task's owner, status, due time or notes."""
    task.owner, task.status, task.due_at, task.notes = owner, status, due_at, notes
    task.save()
    record(
        request,
        AuditAction.CHANGED,
        "task",
        task.pk,
        area=task.inspection.area,
        user=user,
        detail=f"{task.title}: {task.get_status_display()}",
    )
    return task


def update_briefing(inspection: Inspection, user, data: dict, request=None) -> Inspection:
    """Save what the briefing and the key message to families say, and the inspection team."""
    team: Iterable[tuple[str, str, str]] = data.pop("team", [])
    with transaction.atomic():
        for name, value in data.items():
            setattr(inspection, name, "" if value is None and name not in _NULLABLE else value)
        inspection.save()
        inspection.team.all().delete()
        members = [
            TeamMember(inspection=inspection, name=n, role=r, organisation=o) for n, r, o in team
        ]
        for member in members:  # bulk_create skips the pre-save clean, so clean here
            clean_model_text(member)
        TeamMember.objects.bulk_create(members)
    record(
        request,
        AuditAction.CHANGED,
        "inspection",
        inspection.pk,
        area=inspection.area,
        user=user,
        detail="briefing details",
    )
    return inspection


_NULLABLE = {"pcf_meeting_date", "pcf_meeting_start", "pcf_meeting_end"}


def save_session(
    inspection: Inspection, user, data: dict, session: TimetableSession | None = None, request=None
) -> TimetableSession:
    """Add or change an on-site timetable session."""
    session = session or TimetableSession(inspection=inspection)
    for name, value in data.items():
        setattr(session, name, value)
    session.save()
    record(
        request,
        AuditAction.CHANGED,
        "timetable_session",
        session.pk,
        area=inspection.area,
        user=user,
        detail=session.title,
    )
    return session


def delete_session(session: TimetableSession, user, request=None) -> None:
    """Remove a session from the timetable."""
    record(
        request,
        AuditAction.DELETED,
        "timetable_session",
        session.pk,
        area=session.inspection.area,
        user=user,
        detail=session.title,
    )
    session.delete()


def conclude_inspection(inspection: Inspection, user, request=None) -> Inspection:
    """Mark the inspection as over, so the area can record the next one."""
    inspection.status = InspectionStatus.CONCLUDED
    inspection.save(update_fields=["status", "updated_at"])
    record(
        request,
        AuditAction.CHANGED,
        "inspection",
        inspection.pk,
        area=inspection.area,
        user=user,
        detail="concluded",
    )
    return inspection
