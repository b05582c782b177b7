"""sendready plan-summary --area CODE [--as-of DATE] --format json: each area of the plans with its RAG."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sendready.areas.models import LocalArea
from sendready.cli_options import (
    add_date_option,
    add_format_option,
    parse_iso_date,
    wants_json,
    write_json,
)
from sendready.plans.summary import plan_summaries


class Command(BaseCommand):
    help = (
        "Print each area of the local area's improvement plans as they stood on a date, with its "
        "RAG status and the sufficient/insufficient counts of the latest judgements."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--area", required=True, help="ONS code of the local area")
        add_date_option(parser, "--as-of", dest="as_of", help="The date (default today)")
        add_format_option(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        area = LocalArea.objects.filter(code=options["area"]).first()
        if area is None:
            raise CommandError(f"No local area with code '{options['area']}'.")
        day = parse_iso_date(options["as_of"], "--as-of") or timezone.localdate()
        plans = plan_summaries(area, day)
        if wants_json(options):
            write_json(
                self.stdout,
                {
                    "area": area.code,
                    "as_of": day.isoformat(),
                    # Totals over the plans; each plan carries its own counts too.
                    "sufficient": sum(p["sufficient"] for p in plans),
                    "insufficient": sum(p["insufficient"] for p in plans),
                    "plans": plans,
                },
            )
            return
        if not plans:
            self.stdout.write(f"{area.name} had no improvement plan on {day:%-d %B %Y}.")
        for plan in plans:
            due = plan["due_date"] or "no due date fixed"
            kind = "" if plan["title"] == plan["type_title"] else f" ({plan['type_title']})"
            self.stdout.write(f"{plan['title']}{kind}, due {due}")
            self.stdout.write(
                f"  Latest judgements: {plan['sufficient']} sufficient, "
                f"{plan['insufficient']} insufficient"
            )
            for a in plan["areas"]:
                judged = a["latest_judgement"] or "not judged"
                self.stdout.write(
                    f"  {a['number']:>2}. {a['rag'].upper():<5} {a['title']} "
                    f"({a['actions_complete']}/{a['actions']} actions complete, "
                    f"{a['actions_overdue']} overdue; {judged})"
                )
