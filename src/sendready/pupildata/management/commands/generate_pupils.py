"""sendready generate-pupils --rows N --seed S --out FILE [--dirty] [--as-of DATE]: invented person-level data."""

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendready.cli_options import add_date_option, parse_iso_date
from sendready.domain.person_level.generator import generate, write_csv, write_xlsx


class Command(BaseCommand):
    help = (
        "Write a synthetic person-level SEND file (every row invented), CSV or XLSX by extension."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rows", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument(
            "--dirty", action="store_true", help="Spoil a few rows to show validation"
        )
        add_date_option(
            parser,
            "--as-of",
            help="Date the data is as at (default today, the date import-pupils takes a snapshot on)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path = options["out"]
        if options["rows"] < 0:
            raise CommandError("--rows must be 0 or more.")
        suffix = out.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            raise CommandError("--out must end .csv or .xlsx.")
        # Today by default, as import-pupils is: ages and dates then fit a snapshot taken today.
        as_of = parse_iso_date(options["as_of"], "--as-of") or dt.date.today()
        frame = generate(options["rows"], options["seed"], dirty=options["dirty"], as_of=as_of)
        (write_xlsx if suffix == ".xlsx" else write_csv)(frame, out)
        self.stdout.write(
            f"Wrote {frame.height:,} invented rows as at {as_of.isoformat()} to {out}."
        )
