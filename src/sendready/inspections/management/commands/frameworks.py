"""sendready frameworks: list the inspection frameworks sendready knows."""

import json

from django.core.management.base import BaseCommand

from sendready.domain.frameworks import list_frameworks, load_framework


class Command(BaseCommand):
    help = "List the inspection frameworks (names to pass to `sendready timeline --framework`)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options) -> None:
        rows = [{"name": name, "title": load_framework(name).title} for name in list_frameworks()]
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, indent=2))
            return
        for row in rows:
            self.stdout.write(f"{row['name']:<18} {row['title']}")
