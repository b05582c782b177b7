"""sendready areas: list the local areas."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sendready.areas.models import LocalArea
from sendready.cli_options import add_format_option, wants_json, write_json


class Command(BaseCommand):
    help = "List the local areas (add --format json for scripts)."

    def add_arguments(self, parser: CommandParser) -> None:
        add_format_option(parser)
        parser.add_argument("--region", help="Only areas in this region.")

    def handle(self, *args: Any, **options: Any) -> None:
        areas = LocalArea.objects.all()
        if options["region"]:
            areas = areas.filter(region__iexact=options["region"])
        rows = [
            {
                "code": a.code,
                "name": a.name,
                "old_la_code": a.old_la_code or None,
                "region": a.region or None,
                "current": a.is_current,
                "fictional": a.is_fictional,
            }
            for a in areas
        ]
        if wants_json(options):
            write_json(self.stdout, rows)
            return
        for row in rows:
            self.stdout.write(
                f"{row['code']}  {row['name']}  ({row['region'] or 'region unknown'})"
            )
        self.stdout.write(f"{len(rows)} local areas")
