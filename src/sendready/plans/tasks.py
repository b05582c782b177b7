"""Background work for plans: the daily reminders, run by the db_worker (at once in tests)."""

from django.tasks import task


@task
def send_plan_reminders(as_of: str | None = None) -> int:
    """Email owners about actions falling due or overdue on `as_of` (ISO date; default today)."""
    import datetime as dt

    from django.utils import timezone

    from sendready.plans.reminder_actions import send_reminders

    day = dt.date.fromisoformat(as_of) if as_of else timezone.localdate()
    return send_reminders(as_of=day).emails
