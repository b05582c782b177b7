"""sendready outcome: the outcome a self-evaluation's answers point to, and what would follow when."""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from sendready.domain.inspection.criteria import UnknownCriteria, latest_for
from sendready.domain.inspection.outcomes import OutcomeError
from sendready.domain.inspection.self_assessment import Answers, assess

YES_NO = ("yes", "no")


class Command(BaseCommand):
    help = (
        "The area's own reading of its outcome from four self-evaluation answers, with the "
        "follow-ups dated from a report date (never a prediction of the inspectors' judgement)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--positive-experiences", required=True, choices=YES_NO)
        parser.add_argument("--strong-outcomes", required=True, choices=YES_NO)
        parser.add_argument("--taking-action", required=True, choices=YES_NO)
        parser.add_argument(
            "--priority-actions", required=True, help="Areas for priority action, 0 or more"
        )
        parser.add_argument("--report-date", required=True, help="YYYY-MM-DD")
        parser.add_argument("--framework", default="2023-full", help="Default: 2023-full")
        parser.add_argument("--format", choices=("json", "text"), default="text")

    def handle(self, *args, **options) -> None:
        try:
            priority = int(options["priority_actions"])
        except ValueError:
            raise CommandError(
                f"--priority-actions must be a whole number of 0 or more; got '{options['priority_actions']}'."
            ) from None
        try:
            report_date = dt.date.fromisoformat(options["report_date"])
        except ValueError:
            raise CommandError(
                f"--report-date must be a date written YYYY-MM-DD, for example 2025-11-20; "
                f"got '{options['report_date']}'."
            ) from None
        answers = Answers(
            options["positive_experiences"] == "yes",
            options["strong_outcomes"] == "yes",
            options["taking_action"] == "yes",
            priority,
        )
        try:
            result = assess(latest_for(options["framework"]), answers, report_date)
        except (OutcomeError, UnknownCriteria) as exc:
            raise CommandError(str(exc)) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.as_dict(), indent=2))
            return
        self.stdout.write(f"{result.title} ({result.outcome})")
        self.stdout.write(result.reason)
        self.stdout.write(result.label)
        for f in result.follow_ups:
            self.stdout.write(f"  {f.date.isoformat()}  {f.title}")
