"""sendready import-pupils FILE --area CODE: check and import a person-level file as a dated snapshot."""

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendready.areas.models import LocalArea
from sendready.cli_options import add_date_option, parse_iso_date
from sendready.pupildata import actions
from sendready.pupildata.constants import RunStatus

SHOWN = 50


class Command(BaseCommand):
    help = "Check a CSV or XLSX file of children and young people with SEND and import it as a snapshot."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--area", required=True, help="ONS code of the local area, e.g. E99999901"
        )
        add_date_option(
            parser, "--snapshot-date", help="Date the figures are as at (default today)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        area = LocalArea.objects.filter(code=options["area"]).first()
        if area is None:
            raise CommandError(f"No local area with code '{options['area']}'.")
        day = parse_iso_date(options["snapshot_date"], "--snapshot-date") or dt.date.today()
        run = actions.import_path(actor=None, area=area, path=path, snapshot_date=day)
        for w in run.warnings:
            self.stderr.write(f"Warning: {_where(w)}{w['message']}")
        if run.status != RunStatus.DONE:
            lines = [f"{_where(p)}{p['message']}" for p in run.errors[:SHOWN]]
            more = run.error_count - len(lines)
            if more > 0:
                lines.append(f"... and {more:,} more.")
            raise CommandError(
                f"{path.name} was not imported: {run.error_count:,} problem(s).\n"
                + "\n".join(lines)
            )
        snap = run.snapshot
        assert snap is not None  # a finished run always has its snapshot
        figures = snap.indicators["indicators"]
        value = {i["id"]: i["value"] for i in figures}
        self.stdout.write(
            f"Imported {snap.row_count:,} rows for {area.name} as at {day.isoformat()} "
            f"(snapshot {snap.pk}). EHC plans: {value['ehc_plans']:,}; SEN support: {value['sen_support']:,}; "
            f"new plans within 20 weeks (excluding exceptions): {_pct(value['ehc_within_20_weeks_pct'])}."
        )


def _where(problem: dict) -> str:
    parts = []
    if problem.get("row") is not None:
        parts.append(f"row {problem['row']}")
    if problem.get("column"):
        parts.append(f"column {problem['column']}")
    return (", ".join(parts) + ": ") if parts else ""


def _pct(value: float | None) -> str:
    return "no new plans" if value is None else f"{value}%"
