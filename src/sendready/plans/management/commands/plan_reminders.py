"""sendready plan-reminders [--as-of DATE] [--dry-run] [--enqueue]: email owners about actions
falling due or overdue (run it daily; see deploy/sendready-plan-reminders.timer)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from sendready.cli_options import add_date_option, parse_iso_date
from sendready.plans.reminder_actions import send_reminders
from sendready.plans.reminders import reminder_days
from sendready.plans.tasks import send_plan_reminders


class Command(BaseCommand):
    help = (
        "Email each owner their improvement plan actions falling due within PLAN_REMINDER_DAYS "
        "working days, and overdue ones. Each reminder is sent once per action and due date."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_date_option(
            parser, "--as-of", dest="as_of", help="The day to remind on (default today)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be sent; send nothing."
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the background worker instead of sending now.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        day = parse_iso_date(options["as_of"], "--as-of") or timezone.localdate()
        if options["enqueue"] and not options["dry_run"]:
            result = send_plan_reminders.enqueue(day.isoformat())
            self.stdout.write(f"Reminders for {day.isoformat()} queued (task {result.id}).")
            return
        run = send_reminders(as_of=day, dry_run=options["dry_run"])
        verb = "Would send" if run.dry_run else "Sent"
        self.stdout.write(
            f"{verb} {run.emails} emails about {run.actions} actions due within "
            f"{reminder_days()} working days of {day.isoformat()}, or overdue."
        )
