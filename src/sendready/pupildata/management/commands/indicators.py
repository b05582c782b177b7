"""sendready indicators --area CODE [--snapshot DATE] --format json: the figures of a snapshot."""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from sendready.accounts.models import LocalArea
from sendready.pupildata.models import Snapshot


class Command(BaseCommand):
    help = "Print the indicator set of an area's latest (or named) person-level data snapshot."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--area", required=True, help="ONS code of the local area")
        parser.add_argument(
            "--snapshot", help="Date of the snapshot, YYYY-MM-DD (default the latest)"
        )
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args, **options) -> None:
        area = LocalArea.objects.filter(code=options["area"]).first()
        if area is None:
            raise CommandError(f"No local area with code '{options['area']}'.")
        snapshots = Snapshot.objects.for_area(area).order_by("-snapshot_date", "-created_at")
        if options["snapshot"]:
            try:
                day = dt.date.fromisoformat(options["snapshot"])
            except ValueError:
                raise CommandError("--snapshot must be a date written YYYY-MM-DD.") from None
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
        figures = snapshot.indicators
        values = {i["id"]: i["value"] for i in figures["indicators"]}
        if options["format"] == "text":
            for i in figures["indicators"]:
                self.stdout.write(f"{i['id']:<45} {'' if i['value'] is None else i['value']}")
            return
        self.stdout.write(
            json.dumps(
                {
                    "area": area.code,
                    "snapshot": snapshot.snapshot_date.isoformat(),
                    "rows": snapshot.row_count,
                    **values,
                    "indicators": figures["indicators"],
                    "breakdowns": figures["breakdowns"],
                },
                indent=2,
            )
        )
