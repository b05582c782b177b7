"""Reminders of actions falling due: one email per owner and area, once per action and due date, through
Django's mail backend (the locmem outbox here), audited; the command and the worker task run it."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from sendready.areas.constants import Role
from sendready.audit.models import AuditEvent
from sendready.plans.actions import create_plan
from sendready.plans.models import ReminderSent
from sendready.plans.reminder_actions import send_reminders
from sendready.plans.reminders import window_end
from sendready.plans.tasks import send_plan_reminders
from sendready.plans.work_actions import save_action

# Friday 4 December 2026: ten working days on is Friday 18 December 2026.
DAY = dt.date(2026, 12, 4)


@pytest.fixture
def owned(people, lano):
    lano.email, lano.first_name, lano.last_name = "lano@example.org", "Lana", "Ofori"
    lano.save()
    lead = people.by_role[Role.SENIOR_LEADER]
    lead.email = "lead@example.org"
    lead.save()
    plan = create_plan(actor=lano, area=people.area, plan_type_key="improvement", areas=1)
    plan_area = plan.areas.get()

    def act(title, owner, due, status="in_progress"):
        return save_action(
            actor=lano, plan_area=plan_area, title=title, owner=owner, due_date=due, status=status
        )

    return {
        "overdue": act("Publish the local offer", lano, dt.date(2026, 11, 30)),
        "soon": act("Agree the SEND strategy", lano, dt.date(2026, 12, 18)),
        "later": act("Review transport", lano, dt.date(2026, 12, 21)),
        "done": act("Train the team", lano, dt.date(2026, 12, 1), status="complete"),
        "lead": act("Audit EHC plans", lead, dt.date(2026, 12, 10)),
        "no_email": act("Map providers", people.by_role[Role.VIEWER], dt.date(2026, 12, 10)),
    }


def test_the_window_is_ten_working_days_by_the_setting():
    assert window_end(DAY) == dt.date(2026, 12, 18)
    with override_settings(PLAN_REMINDER_DAYS=2):
        assert window_end(DAY) == dt.date(2026, 12, 8)


def test_each_owner_is_emailed_once_about_their_own_falling_due_and_overdue_actions(owned):
    run = send_reminders(as_of=DAY)
    assert (run.emails, run.actions) == (2, 3)
    by_to = {m.to[0]: m for m in mail.outbox}
    assert set(by_to) == {"lano@example.org", "lead@example.org"}
    lano_mail = by_to["lano@example.org"]
    assert lano_mail.subject == "Improvement plan actions: 1 overdue, 1 falling due"
    assert "Dear Lana Ofori" in lano_mail.body
    assert "Publish the local offer (due Monday 30 November 2026" in lano_mail.body
    assert "Agree the SEND strategy (due Friday 18 December 2026" in lano_mail.body
    assert "Review transport" not in lano_mail.body and "Train the team" not in lano_mail.body
    assert "Audit EHC plans" not in lano_mail.body
    assert "/plans/" in lano_mail.body
    assert AuditEvent.objects.filter(object_type="plan_reminder").count() == 2

    # A rerun the same day, or the next, sends nothing new.
    assert send_reminders(as_of=DAY).emails == 0
    assert send_reminders(as_of=DAY + dt.timedelta(days=1)).emails == 0
    assert len(mail.outbox) == 2


def test_a_new_due_date_or_becoming_overdue_earns_one_more_reminder(owned, lano):
    send_reminders(as_of=DAY)
    soon = owned["soon"]
    save_action(
        actor=lano,
        plan_area=soon.plan_area,
        action=soon,
        title=soon.title,
        owner=lano,
        due_date=dt.date(2026, 12, 17),
        status="in_progress",
    )
    mail.outbox.clear()
    assert send_reminders(as_of=DAY).actions == 1
    # Once the 17th has passed, the action is overdue: a last reminder, and Review transport is near.
    mail.outbox.clear()
    run = send_reminders(as_of=dt.date(2026, 12, 18))
    assert run.actions == 3  # lead's overdue audit, the strategy overdue, transport falling due
    assert ReminderSent.objects.filter(action=soon, kind="overdue").count() == 1


def test_dry_run_sends_and_records_nothing(owned):
    out = StringIO()
    call_command("plan_reminders", "--as-of", "2026-12-04", "--dry-run", stdout=out)
    assert "Would send 2 emails about 3 actions" in out.getvalue()
    assert mail.outbox == [] and not ReminderSent.objects.exists()


def test_the_command_and_the_worker_task_send_on_todays_date(owned):
    out = StringIO()
    call_command("plan_reminders", "--as-of", "2026-12-04", "--enqueue", stdout=out)
    assert "queued" in out.getvalue()
    assert len(mail.outbox) == 2  # the immediate backend runs the task at once in tests
    ReminderSent.objects.all().delete()
    mail.outbox.clear()
    result = send_plan_reminders.enqueue()  # today's date, whatever it is
    today = dt.date.today()
    owners = {
        a.owner.email
        for a in owned.values()
        if a.status != "complete" and a.owner.email and a.due_date <= window_end(today)
    }
    assert result.return_value == len(mail.outbox) == len(owners)
    assert {m.to[0] for m in mail.outbox} == owners


def test_a_bad_date_is_refused_in_plain_words(owned):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--as-of"):
        call_command("plan_reminders", "--as-of", "4/12/2026")
