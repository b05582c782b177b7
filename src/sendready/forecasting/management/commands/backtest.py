"""sendready backtest: replay past terms and score the forecast against three simple baselines, kind by kind."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendready.cli_options import (
    add_date_option,
    add_format_option,
    parse_iso_date,
    wants_json,
    write_json,
)
from sendready.domain.forecasting.backtest import (
    BACKTEST_KINDS,
    DEFAULT_FROM,
    DEFAULT_TO,
    REVISIT_FROM,
    REVISIT_TO,
    backtest,
    default_range,
)
from sendready.domain.forecasting.forecast import freshness
from sendready.forecasting.data import domain_areas, domain_events
from sendready.forecasting.presenters import backtest_dict, freshness_dict


class Command(BaseCommand):
    help = (
        "Score the forecast term by term, for one kind of inspection, against the seed's one-per-region rule, "
        "a random guess at the recent national pace and an even spread over the areas not yet inspected."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--kind",
            choices=list(BACKTEST_KINDS),
            default="full",
            help="which inspections to score (default full)",
        )
        add_date_option(
            parser,
            "--from",
            dest="from_date",
            help=f"first day replayed (default {DEFAULT_FROM}; {REVISIT_FROM} for re-visits)",
        )
        add_date_option(
            parser,
            "--to",
            dest="to_date",
            help=f"last day replayed (default {DEFAULT_TO}; {REVISIT_TO} for re-visits)",
        )
        add_format_option(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        kind = options["kind"]
        first, last = default_range(kind)
        start = parse_iso_date(options["from_date"], "--from") or first
        end = parse_iso_date(options["to_date"], "--to") or last
        if end < start:
            raise CommandError(f"--to {end} is before --from {start}.")
        events = domain_events()
        result = backtest(events, domain_areas(), start, end, kind=kind)
        fresh = freshness(events, date.today())
        if wants_json(options):
            write_json(self.stdout, {**backtest_dict(result, start, end), **freshness_dict(fresh)})
            return
        self.stdout.write(
            f"Backtest of {BACKTEST_KINDS[kind].lower()}, {start} to {end}, {len(result.terms)} terms"
        )
        self.stdout.write(result.summary())
        self.stdout.write(f"Best simple baseline on Brier score: {result.best_baseline}")
        for t in result.terms:
            self.stdout.write(
                f"  {t.term}: {len(t.inspected)} inspected; "
                + ", ".join(f"{m} {s.hits}/{s.k} Brier {s.brier:.4f}" for m, s in t.scores.items())
            )
        self.stdout.write(f"{fresh.sentence} {fresh.warning}".strip())
