"""sendready backtest: replay past terms and score the forecast against the seed's rule and a random guess."""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from sendready.domain.backtest import backtest
from sendready.forecasting.data import domain_areas, domain_events
from sendready.forecasting.management.commands.forecast import parse_date
from sendready.forecasting.presenters import backtest_dict

DEFAULT_FROM = date(2023, 1, 1)
DEFAULT_TO = date(2025, 8, 31)  # the last date of the shipped inspection history


class Command(BaseCommand):
    help = "Score the forecast term by term against the seed's one-per-region rule and a random guess."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--from", dest="from_date", help=f"YYYY-MM-DD (default {DEFAULT_FROM})")
        parser.add_argument("--to", dest="to_date", help=f"YYYY-MM-DD (default {DEFAULT_TO})")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, **options) -> None:
        start = parse_date(options["from_date"], "--from") or DEFAULT_FROM
        end = parse_date(options["to_date"], "--to") or DEFAULT_TO
        if end < start:
            raise CommandError(f"--to {end} is before --from {start}.")
        result = backtest(domain_events(), domain_areas(), start, end)
        if options["format"] == "json":
            self.stdout.write(json.dumps(backtest_dict(result, start, end), indent=2))
            return
        self.stdout.write(f"Backtest {start} to {end}, {len(result.terms)} terms")
        self.stdout.write(result.summary())
        for t in result.terms:
            self.stdout.write(f"  {t.term}: {len(t.inspected)} inspected; " + ", ".join(
                f"{m} {s.hits}/{s.k} Brier {s.brier:.4f}" for m, s in t.scores.items()))
