"""Which actions are worth a reminder on a day: open actions falling due within PLAN_REMINDER_DAYS
working days, and overdue ones, whose owner has not yet been reminded of that due date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse

from sendready.domain.dates.workdays import add_working_days, long_date
from sendready.plans.constants import ActionStatus
from sendready.plans.models import PlanAction
from sendready.plans.report_models import ReminderSent

DUE_SOON, OVERDUE = "due_soon", "overdue"


def reminder_days() -> int:
    return int(getattr(settings, "PLAN_REMINDER_DAYS", 10))


def window_end(as_of: dt.date) -> dt.date:
    """The last due date that counts as falling due: PLAN_REMINDER_DAYS working days ahead."""
    return add_working_days(as_of, reminder_days())


def reminder_kind(due: dt.date, as_of: dt.date) -> str:
    return OVERDUE if due < as_of else DUE_SOON


@dataclass
class OwnerReminder:
    """One email: an owner's actions in one local area that need a reminder."""

    owner: object
    area: object
    actions: list[PlanAction] = field(default_factory=list)

    def kinds(self, as_of: dt.date) -> list[str]:
        return [reminder_kind(a.due_date, as_of) for a in self.actions]


def reminders_due(as_of: dt.date) -> list[OwnerReminder]:
    """Reminders not yet sent on `as_of`, one per owner and area (owners with no email are skipped)."""
    candidates = (
        PlanAction.objects.exclude(status=ActionStatus.COMPLETE)
        .filter(due_date__lte=window_end(as_of))
        .exclude(owner__email="")
        .select_related("owner", "plan_area__plan__area")
        .order_by("owner_id", "plan_area__plan__area_id", "due_date", "pk")
    )
    sent = {
        (r.action_id, r.due_date, r.kind)
        for r in ReminderSent.objects.filter(action__in=candidates)
    }
    found: dict[tuple[int, int], OwnerReminder] = {}
    for action in candidates:
        if (action.pk, action.due_date, reminder_kind(action.due_date, as_of)) in sent:
            continue
        area = action.plan_area.plan.area
        key = (action.owner_id, area.pk)
        found.setdefault(key, OwnerReminder(action.owner, area)).actions.append(action)
    return list(found.values())


def action_link(action: PlanAction) -> str:
    plan = action.plan_area.plan
    path = reverse("plans:detail", args=[plan.area.code, plan.pk])
    return f"{settings.SITE_URL.rstrip('/')}{path}#area-{action.plan_area.number}"


def email_text(reminder: OwnerReminder, as_of: dt.date) -> tuple[str, str]:
    """The subject and body of one owner's reminder."""
    overdue = [a for a in reminder.actions if a.due_date < as_of]
    soon = [a for a in reminder.actions if a.due_date >= as_of]
    name = reminder.owner.get_full_name() or reminder.owner.get_username()  # type: ignore[attr-defined]
    subject = f"Improvement plan actions: {len(overdue)} overdue, {len(soon)} falling due"
    lines = [
        f"Dear {name},",
        "",
        f"These improvement plan actions you own in {reminder.area} need attention:",
    ]
    for heading, group in (("Overdue", overdue), ("Falling due soon", soon)):
        if group:
            lines += ["", f"{heading}:"]
            for a in group:
                lines.append(
                    f"- {a.title} (due {long_date(a.due_date)}; {a.plan_area.plan.title}, area {a.plan_area.number})"
                )
                lines.append(f"  {action_link(a)}")
    lines += [
        "",
        "Add an update on the plan page when you make progress, or change the action's status.",
        f"You get one reminder per action and due date, up to {reminder_days()} working days before it is due, and one when it is overdue.",
    ]
    return subject, "\n".join(lines) + "\n"
