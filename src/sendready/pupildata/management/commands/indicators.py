"""sendready indicators --area CODE [--snapshot DATE] --format json: the figures of a snapshot."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendready.areas.models import LocalArea
from sendready.cli_options import (
    add_date_option,
    add_format_option,
    iso_date,
    wants_json,
    write_json,
)
from sendready.pupildata import published
from sendready.pupildata.figures import cached
from sendready.pupildata.models import Snapshot


class Command(BaseCommand):
    help = "Print the indicator set of an area's latest (or named) person-level data snapshot."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--area", required=True, help="ONS code of the local area")
        add_date_option(parser, "--snapshot", help="Date of the snapshot (default the latest)")
        add_format_option(parser, default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        area = LocalArea.objects.filter(code=options["area"]).first()
        if area is None:
            raise CommandError(f"No local area with code '{options['area']}'.")
        snapshots = Snapshot.objects.for_area(area).order_by("-snapshot_date", "-created_at")
        if options["snapshot"]:
            day = iso_date(options["snapshot"], "--snapshot")
            snapshots = snapshots.filter(snapshot_date=day)
        snapshot = snapshots.first()
        if snapshot is None:
            known = ", ".join(
                str(d)
                for d in Snapshot.objects.for_area(area).values_list("snapshot_date", flat=True)
            )
            raise CommandError(
                f"{area.name} has no snapshot{' on ' + options['snapshot'] if options['snapshot'] else ''}. "
                f"Snapshots: {known or 'none yet; import a file with sendready import-pupils'}."
            )
        figures = cached(snapshot).to_dict()  # every figure, even of a snapshot saved before some
        values = {i["id"]: i["value"] for i in figures["indicators"]}
        if not wants_json(options):
            for i in figures["indicators"]:
                self.stdout.write(f"{i['id']:<45} {'' if i['value'] is None else i['value']}")
            return
        every = published.published_json(area)
        beside = {m["indicator"]: m for m in every.values() if m.get("indicator")}
        write_json(
            self.stdout,
            {
                "area": area.code,
                "snapshot": snapshot.snapshot_date.isoformat(),
                "rows": snapshot.row_count,
                **values,
                # DfE's figure beside each of ours, latest year: {year, area, region, england, rank}.
                "indicators": [
                    {**i, "published": beside.get(i["id"])} for i in figures["indicators"]
                ],
                "breakdowns": figures["breakdowns"],
                "published": every,
                "reconciliation": [c.to_dict() for c in published.reconcile(area, snapshot)],
            },
        )
