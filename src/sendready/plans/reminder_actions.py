"""Emailing owners about their actions falling due or overdue: each reminder sent is recorded with its
audit entry, so a rerun on the same day (or the next) never emails the same reminder twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.mail import send_mail
from django.db import transaction

from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.plans.reminders import OwnerReminder, email_text, reminder_kind, reminders_due
from sendready.plans.report_models import ReminderSent


@dataclass(frozen=True)
class ReminderRun:
    emails: int
    actions: int
    dry_run: bool


def send_reminders(*, as_of: dt.date, dry_run: bool = False) -> ReminderRun:
    """Send each owner one email per area listing their actions needing a reminder on `as_of`."""
    due = reminders_due(as_of)
    if dry_run:
        return ReminderRun(len(due), sum(len(r.actions) for r in due), True)
    for reminder in due:
        _send_one(reminder, as_of)
    return ReminderRun(len(due), sum(len(r.actions) for r in due), False)


def _send_one(reminder: OwnerReminder, as_of: dt.date) -> None:
    subject, body = email_text(reminder, as_of)
    to = reminder.owner.email  # type: ignore[attr-defined]
    with transaction.atomic():
        ReminderSent.objects.bulk_create(
            ReminderSent(
                action=a, due_date=a.due_date, kind=reminder_kind(a.due_date, as_of), sent_to=to
            )
            for a in reminder.actions
        )
        record(
            None,
            AuditAction.CREATED,
            "plan_reminder",
            reminder.owner.pk,  # type: ignore[attr-defined]
            area=reminder.area,  # type: ignore[arg-type]
            username="reminders",
            detail=f"emailed {len(reminder.actions)} actions "
            f"({', '.join(str(a.pk) for a in reminder.actions)}) on {as_of.isoformat()}",
        )
        # Sent inside the transaction: a mail server that refuses it undoes the record, so the
        # next run tries again.
        send_mail(subject, body, None, [to])
