"""sendready areas: list the local areas."""

import json

from django.core.management.base import BaseCommand

from sendready.accounts.models import LocalArea


class Command(BaseCommand):
    help = "List the local areas (add --format json for scripts)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--region", help="Only areas in this region.")

    def handle(self, *args, **options) -> None:
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
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, indent=2))
            return
        for row in rows:
            self.stdout.write(
                f"{row['code']}  {row['name']}  ({row['region'] or 'region unknown'})"
            )
        self.stdout.write(f"{len(rows)} local areas")
