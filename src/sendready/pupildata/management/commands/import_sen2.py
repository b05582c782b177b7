"""sendready import-sen2 PATH --area CODE [--snapshot-date D]: check and import a SEN2 return."""

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendready.areas.models import LocalArea
from sendready.cli_options import add_date_option, parse_iso_date
from sendready.pupildata.constants import RunStatus
from sendready.pupildata.sen2_import import import_sen2_path

SHOWN = 50


def where(problem: dict) -> str:
    """`file, row 4, column upn: ` before a problem's message."""
    parts = [problem["file"]] if problem.get("file") else []
    if problem.get("row") is not None:
        parts.append(f"row {problem['row']}")
    if problem.get("column"):
        parts.append(f"column {problem['column']}")
    return (", ".join(parts) + ": ") if parts else ""


class Command(BaseCommand):
    help = (
        "Check a SEN2 return (a folder or zip of the COLLECT Blade CSV export, or DfE's XML) and "
        "import it as a snapshot. Names, UPNs, ULNs and postcodes are never stored."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", type=Path, help="Folder of the nine CSVs, their zip, or the XML"
        )
        parser.add_argument("--area", required=True, help="ONS code of the local area")
        add_date_option(
            parser, "--snapshot-date", help="Date the figures are as at (default today)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if not path.exists():
            raise CommandError(f"Nothing at {path}.")
        area = LocalArea.objects.filter(code=options["area"]).first()
        if area is None:
            raise CommandError(f"No local area with code '{options['area']}'.")
        day = parse_iso_date(options["snapshot_date"], "--snapshot-date") or dt.date.today()
        run = import_sen2_path(actor=None, area=area, path=path, snapshot_date=day)
        for w in run.warnings[:SHOWN]:
            self.stderr.write(f"Warning: {where(w)}{w['message']}")
        if run.status != RunStatus.DONE:
            lines = [f"{where(p)}{p['message']}" for p in run.errors[:SHOWN]]
            more = run.error_count - len(lines)
            if more > 0:
                lines.append(f"... and {more:,} more.")
            raise CommandError(
                f"{path.name} was not imported: {run.error_count:,} problem(s).\n"
                + "\n".join(lines)
            )
        snap = run.snapshot
        assert snap is not None
        self.stdout.write(
            f"Imported the SEN2 return for {area.name} as at {day.isoformat()} (snapshot {snap.pk}): "
            f"{snap.row_count:,} persons. Rows from: {snap.get_source_display()}."
        )
