"""sendready import-inspections FILE: add or update area SEND inspection events from a CSV."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendready.forecasting.actions import import_events


class Command(BaseCommand):
    help = (
        "Import area SEND inspections from Ofsted's official statistics (.ods or CSV), Ofsted's management "
        "information (CSV), Data to Insight's Ofsted SEND summary (CSV) or the layout of "
        "area_send_events_to_2025-08-31.csv; the layout is recognised from the header row."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        report = import_events(content=path.read_bytes())
        if report.errors:
            for e in report.errors:
                self.stderr.write(str(e))
            raise CommandError(
                f"{len(report.errors)} problem(s) found in {path.name}; nothing was imported."
            )
        if report.layout != "sendready":
            self.stdout.write(f"Read as {report.layout_words}.")
        for line in report.added_lines:
            self.stdout.write(f"Added: {line}")
        for line in report.updated_lines:
            self.stdout.write(f"Updated: {line}")
        self.stdout.write(report.summary)
