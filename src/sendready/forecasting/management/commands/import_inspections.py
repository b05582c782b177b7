"""sendready import-inspections FILE: add or update area SEND inspection events from a CSV."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sendready.forecasting.actions import import_events


class Command(BaseCommand):
    help = "Import area SEND inspection events from a CSV in the layout of area_send_events_to_2025-08-31.csv."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, **options) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        try:
            report = import_events(path.read_bytes().decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path} is not a UTF-8 CSV file.") from exc
        if report.errors:
            for e in report.errors:
                self.stderr.write(str(e))
            raise CommandError(f"{len(report.errors)} problem(s) found in {path.name}; nothing was imported.")
        self.stdout.write(report.summary)
