"""sendready frameworks: list the inspection frameworks sendready knows, with their outcome keys."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sendready.cli_options import add_format_option, wants_json, write_json
from sendready.domain.inspection.frameworks import list_frameworks, load_framework


class Command(BaseCommand):
    help = "List the inspection frameworks (names to pass to `sendready timeline --framework`)."

    def add_arguments(self, parser: CommandParser) -> None:
        add_format_option(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        rows: list[dict[str, Any]] = []
        for name in list_frameworks():
            fw = load_framework(name)
            rows.append(
                {
                    "name": name,
                    "title": fw.title,
                    "outcomes": [
                        {"key": o.key, "title": o.title, "counts": [c.name for c in o.counts]}
                        for o in fw.outcomes
                    ],
                }
            )
        if wants_json(options):
            write_json(self.stdout, rows)
            return
        for row in rows:
            keys = ", ".join(o["key"] for o in row["outcomes"])
            self.stdout.write(f"{row['name']:<18} {row['title']} (outcomes: {keys})")
