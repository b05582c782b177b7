"""sendready backtest: replay past terms and score the forecast against three simple baselines, kind by kind."""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from sendready.domain.forecasting.backtest import backtest
from sendready.domain.forecasting.forecast import freshness
from sendready.forecasting.data import domain_areas, domain_events
from sendready.forecasting.management.commands.forecast import parse_date
from sendready.forecasting.presenters import backtest_dict, freshness_dict

DEFAULT_FROM = date(2023, 1, 1)
DEFAULT_TO = date(2025, 8, 31)  # the last date of the shipped inspection history
# Re-visits belong to the 2016 framework: they ran from December 2018 and the shipped data holds them to August 2022.
REVISIT_FROM, REVISIT_TO = date(2018, 12, 1), date(2022, 8, 31)
KIND_WORDS = {
    "full": "Full inspections",
    "monitoring": "Monitoring inspections",
    "revisit": "Re-visits",
    "any": "Any inspection",
}


def default_range(kind: str) -> tuple[date, date]:
    """The terms replayed by default for a kind."""
    return (REVISIT_FROM, REVISIT_TO) if kind == "revisit" else (DEFAULT_FROM, DEFAULT_TO)


class Command(BaseCommand):
    help = (
        "Score the forecast term by term, for one kind of inspection, against the seed's one-per-region rule, "
        "a random guess at the recent national pace and an even spread over the areas not yet inspected."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--kind",
            choices=list(KIND_WORDS),
            default="full",
            help="which inspections to score (default full)",
        )
        parser.add_argument(
            "--from",
            dest="from_date",
            help=f"YYYY-MM-DD (default {DEFAULT_FROM}; {REVISIT_FROM} for re-visits)",
        )
        parser.add_argument(
            "--to",
            dest="to_date",
            help=f"YYYY-MM-DD (default {DEFAULT_TO}; {REVISIT_TO} for re-visits)",
        )
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, **options) -> None:
        kind = options["kind"]
        first, last = default_range(kind)
        start = parse_date(options["from_date"], "--from") or first
        end = parse_date(options["to_date"], "--to") or last
        if end < start:
            raise CommandError(f"--to {end} is before --from {start}.")
        events = domain_events()
        result = backtest(events, domain_areas(), start, end, kind=kind)
        fresh = freshness(events, date.today())
        if options["format"] == "json":
            self.stdout.write(
                json.dumps({**backtest_dict(result, start, end), **freshness_dict(fresh)}, indent=2)
            )
            return
        self.stdout.write(
            f"Backtest of {KIND_WORDS[kind].lower()}, {start} to {end}, {len(result.terms)} terms"
        )
        self.stdout.write(result.summary())
        self.stdout.write(f"Best simple baseline on Brier score: {result.best_baseline}")
        for t in result.terms:
            self.stdout.write(
                f"  {t.term}: {len(t.inspected)} inspected; "
                + ", ".join(f"{m} {s.hits}/{s.k} Brier {s.brier:.4f}" for m, s in t.scores.items())
            )
        self.stdout.write(f"{fresh.sentence} {fresh.warning}".strip())
