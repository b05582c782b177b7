"""sendready requests: list an area's requests from inspectors, or only the overdue ones."""

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sendready.accounts.models import LocalArea
from sendready.domain.requests.rules import state_label
from sendready.inspection_requests.listing import request_rows


class Command(BaseCommand):
    help = "List the requests inspectors made of an area (JSON keys: id, title, state, owner, due, released_at)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--area", required=True, help="The area's ONS code, e.g. E06000001.")
        parser.add_argument(
            "--inspection", type=int, help="Only this inspection's requests (its id)."
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--overdue", action="store_true", help="Only requests past due and not yet released."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        area = LocalArea.objects.filter(code=options["area"]).first()
        if area is None:
            raise CommandError(
                f"No local area with the code {options['area']!r} (see `sendready areas`)."
            )
        inspection = options["inspection"]
        if inspection is not None and not area.inspections.filter(pk=inspection).exists():
            raise CommandError(f"{area.name} has no inspection with the id {inspection}.")
        rows = request_rows(area, inspection, options["overdue"], timezone.now())
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, indent=2))
            return
        for row in rows:
            due = dt.datetime.fromisoformat(row["due"])
            self.stdout.write(
                f"{row['id']:>5}  {due:%a %d %b %Y %H:%M}  {state_label(row['state']):<17} "
                f"{row['owner'] or 'nobody':<15} {row['title']}"
            )
        self.stdout.write(f"{len(rows)} requests" + (" overdue" if options["overdue"] else ""))
