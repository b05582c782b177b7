"""sendready outcome: the outcome a self-evaluation's answers point to, and what would follow when."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendready.cli_options import (
    add_date_option,
    add_format_option,
    iso_date,
    wants_json,
    write_json,
)
from sendready.domain.inspection.criteria import UnknownCriteria, latest_for
from sendready.domain.inspection.outcomes import OutcomeError
from sendready.domain.inspection.self_assessment import Answers, assess

YES_NO = ("yes", "no")


class Command(BaseCommand):
    help = (
        "The area's own reading of its outcome from four self-evaluation answers, with the "
        "follow-ups dated from a report date (never a prediction of the inspectors' judgement)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--positive-experiences", required=True, choices=YES_NO)
        parser.add_argument("--strong-outcomes", required=True, choices=YES_NO)
        parser.add_argument("--taking-action", required=True, choices=YES_NO)
        parser.add_argument(
            "--priority-actions", required=True, help="Areas for priority action, 0 or more"
        )
        add_date_option(
            parser,
            "--report-date",
            required=True,
            help="The report's date: follow-ups count from it",
        )
        parser.add_argument("--framework", default="2023-full", help="Default: 2023-full")
        add_format_option(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            priority = int(options["priority_actions"])
        except ValueError:
            raise CommandError(
                f"--priority-actions must be a whole number of 0 or more; got '{options['priority_actions']}'."
            ) from None
        report_date = iso_date(options["report_date"], "--report-date")
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
        if wants_json(options):
            write_json(self.stdout, result.as_dict())
            return
        self.stdout.write(f"{result.title} ({result.outcome})")
        self.stdout.write(result.reason)
        self.stdout.write(result.label)
        for f in result.follow_ups:
            self.stdout.write(f"  {f.date.isoformat()}  {f.title}")
