"""sendready forecast: the chance of an area SEND inspection in each of the next six terms."""

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
from sendready.domain.forecasting.forecast import forecast, freshness
from sendready.forecasting.data import domain_areas, domain_events
from sendready.forecasting.presenters import LICENCE, forecast_dict, freshness_dict


class Command(BaseCommand):
    help = "Forecast area SEND inspections per term, from the inspection history in the database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", help="ONS or Ofsted region name, e.g. 'West Midlands'")
        parser.add_argument("--area", help="ONS code of one area, e.g. E06000021")
        add_date_option(parser, "--as-of", dest="as_of", help="forecast date (default today)")
        add_format_option(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        as_of = parse_iso_date(options["as_of"], "--as-of") or date.today()
        areas = domain_areas()
        region, code = options["region"], options["area"]
        if region:
            names = {a.region for a in areas if a.is_current} | {
                a.ofsted_region for a in areas if a.is_current
            }
            match = next((n for n in names if n.lower() == region.strip().lower()), None)
            if match is None:
                raise CommandError(
                    f"'{region}' is not a region. Use one of: {', '.join(sorted(names))}."
                )
            region = match
        if code:
            code = code.strip().upper()
            if code not in {a.code for a in areas if a.is_current}:
                raise CommandError(
                    f"'{options['area']}' is not the ONS code of a current local area "
                    "(e.g. E06000021 for Stoke-on-Trent)."
                )
        events = domain_events()
        results = forecast(as_of, areas, events, region=region, area_code=code)
        fresh = freshness(events, as_of)
        if wants_json(options):
            payload = {
                "as_of": as_of.isoformat(),
                **freshness_dict(fresh),
                "licence": LICENCE,
                "areas": [forecast_dict(f) for f in results],
            }
            write_json(self.stdout, payload)
            return
        self.stdout.write(
            ("OUT OF DATE: " if fresh.stale else "") + f"{fresh.sentence} {fresh.warning}".strip()
        )
        for f in results:
            last = f.last_inspection
            since = (
                f"last {last.description}, {'started' if last.start_date else 'published'} {last.date}"
                if last
                else "no full inspection on record"
            )
            self.stdout.write(f"{f.area_name} ({f.area_code}, {f.region}): {since}")
            self.stdout.write(
                "  "
                + "; ".join(f"{t.term} {t.total:.0%}" for t in f.terms)
                + ("" if f.expected else f" (not expected in the next {len(f.terms)} terms)")
            )
        if fresh.stale:
            self.stdout.write(f"OUT OF DATE: {fresh.sentence} {fresh.warning}")
        self.stdout.write(LICENCE)
