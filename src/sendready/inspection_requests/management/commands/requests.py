"""sendready requests: list an area's requests from inspectors, or only the overdue ones."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sendready.areas.models import LocalArea
from sendready.cli_options import add_format_option, wants_json, write_json
from sendready.inspection_requests.listing import request_rows, text_line


class Command(BaseCommand):
    help = "List the requests inspectors made of an area (JSON keys: id, title, state, owner, due, released_at)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--area", required=True, help="The area's ONS code, e.g. E06000001.")
        parser.add_argument(
            "--inspection", type=int, help="Only this inspection's requests (its id)."
        )
        add_format_option(parser)
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
        if wants_json(options):
            write_json(self.stdout, rows)
            return
        for row in rows:
            self.stdout.write(text_line(row))
        noun = "request" if len(rows) == 1 else "requests"
        self.stdout.write(f"{len(rows)} {noun}" + (" overdue" if options["overdue"] else ""))
