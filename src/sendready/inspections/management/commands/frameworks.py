"""sendready frameworks: list the inspection frameworks sendready knows, with their outcome keys."""

import json
from typing import Any

from django.core.management.base import BaseCommand

from sendready.domain.inspection.frameworks import list_frameworks, load_framework


class Command(BaseCommand):
    help = "List the inspection frameworks (names to pass to `sendready timeline --framework`)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options) -> None:
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
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, indent=2))
            return
        for row in rows:
            keys = ", ".join(o["key"] for o in row["outcomes"])
            self.stdout.write(f"{row['name']:<18} {row['title']} (outcomes: {keys})")
