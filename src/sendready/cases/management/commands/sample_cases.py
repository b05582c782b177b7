"""sendready sample-cases FILE [--seed S] [--mix NAME] [--format json|text], or --area CODE
[--snapshot DATE]: choose tracked cases and substitutes from person-level data, each with its reasons."""

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendready.areas.models import LocalArea
from sendready.areas.registry import find_snapshot, snapshot_dates
from sendready.cases.sample_text import sample_lines
from sendready.cli_options import (
    add_date_option,
    add_format_option,
    parse_iso_date,
    wants_json,
    write_json,
)
from sendready.domain.cases.mixes import UnknownMix, list_mixes, load_mix
from sendready.domain.cases.sampling import sample_cases
from sendready.domain.person_level.reading import Problem, import_file

SHOWN_PROBLEMS = 20


class Command(BaseCommand):
    help = (
        "Choose tracked cases and substitutes from a person-level file in the documented layout "
        "(or an area's stored snapshot), each with the reasons it was chosen."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="CSV or XLSX person-level file")
        parser.add_argument("--seed", type=int, default=0, help="same seed, same sample")
        parser.add_argument(
            "--mix", help=f"one of: {', '.join(m.name for m in list_mixes())} (default seed)"
        )
        add_format_option(parser, default="json")
        parser.add_argument("--area", help="ONS code: sample the area's stored snapshot instead")
        add_date_option(
            parser, "--snapshot", help="date of the stored snapshot (default the latest)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            mix = load_mix(options["mix"])
        except UnknownMix as exc:
            raise CommandError(str(exc)) from None
        rows, as_of = self._rows(options)
        sample = sample_cases(rows, as_of, mix, options["seed"])
        if wants_json(options):
            write_json(self.stdout, sample.to_dict())
        else:
            self.stdout.write("\n".join(sample_lines(sample)))

    def _rows(self, options: dict[str, Any]) -> tuple[pl.DataFrame, dt.date]:
        if options["file"] and options["area"]:
            raise CommandError("Give a FILE or --area, not both.")
        if options["area"]:
            return self._stored(options["area"], options["snapshot"])
        if options["snapshot"]:
            raise CommandError("--snapshot goes with --area.")
        if not options["file"]:
            raise CommandError("Give a person-level FILE, or --area CODE for a stored snapshot.")
        return self._file(Path(options["file"]))

    def _file(self, path: Path) -> tuple[pl.DataFrame, dt.date]:
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        today = dt.date.today()
        result = import_file(path, path.name, today, max_bytes=settings.PUPIL_UPLOAD_MAX_BYTES)
        if not result.ok:
            shown = [_where(p) + p.message for p in result.errors[:SHOWN_PROBLEMS]]
            more = result.error_count - len(shown)
            tail = f"\n... and {more} more." if more > 0 else ""
            raise CommandError(
                f"{path.name} cannot be read as person-level data:\n" + "\n".join(shown) + tail
            )
        return result.rows, today

    def _stored(self, code: str, day_text: str | None) -> tuple[pl.DataFrame, dt.date]:
        area = LocalArea.objects.filter(code=code).first()
        if area is None:
            raise CommandError(f"No local area with code '{code}'.")
        day = parse_iso_date(day_text, "--snapshot")
        found = find_snapshot(area, day)
        if found is None:
            known = ", ".join(d.isoformat() for d in snapshot_dates(area))
            raise CommandError(
                f"{area.name} has no snapshot{' on ' + day_text if day_text else ''}. "
                f"Snapshots: {known or 'none yet; import a file with sendready import-pupils'}."
            )
        return found.read(None), found.snapshot_date


def _where(problem: Problem) -> str:
    parts = []
    if problem.row is not None:
        parts.append(f"row {problem.row}")
    if problem.column:
        parts.append(f"column {problem.column}")
    return (", ".join(parts) + ": ") if parts else ""
