"""sendready generate-sen2 --persons N --seed S --out DIR [--dirty]: an invented COLLECT Blade export."""

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendready.domain.sen2.generator import DIRTY_KINDS, generate_blade, write_blade
from sendready.domain.sen2.xml_return import write_xml


class Command(BaseCommand):
    help = (
        "Write a synthetic SEN2 return as the nine CSV files of a COLLECT Blade export (every person "
        "invented), dated relative to today so it is valid in any year."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--persons", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--out", type=Path, required=True, help="Folder for the nine files")
        parser.add_argument(
            "--dirty", action="store_true", help="Plant one error of each kind the import reports"
        )
        parser.add_argument(
            "--xml", action="store_true", help="Also write the same return as DfE's XML (sen2.xml)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["persons"] < 1:
            raise CommandError("--persons must be 1 or more.")
        today = dt.date.today()
        tables = generate_blade(
            options["persons"], seed=options["seed"], today=today, dirty=options["dirty"]
        )
        paths = write_blade(tables, options["out"], today)
        if options["xml"]:
            (options["out"] / "sen2.xml").write_bytes(write_xml(tables))
        planted = (
            f" with one error of each kind ({', '.join(DIRTY_KINDS)})" if options["dirty"] else ""
        )
        self.stdout.write(
            f"Wrote a Blade export of {options['persons']:,} invented persons{planted}: "
            f"{len(paths)} files in {options['out']}."
        )
