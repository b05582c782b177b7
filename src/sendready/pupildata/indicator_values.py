"""The figures of each snapshot, offered to other capabilities through the platform's indicator feed."""

from sendready.areas.models import LocalArea
from sendready.areas.registry import IndicatorValue, SnapshotValues
from sendready.pupildata.models import Snapshot


def snapshot_values(area: LocalArea) -> list[SnapshotValues]:
    """Each snapshot's stored figures, newest first."""
    snapshots = Snapshot.objects.for_area(area)
    return [
        SnapshotValues(
            s.snapshot_date,
            {
                i["id"]: IndicatorValue(
                    i["id"], i.get("title", i["id"]), i.get("value"), i.get("unit", "")
                )
                for i in (s.indicators or {}).get("indicators", [])
            },
        )
        for s in snapshots.only("snapshot_date", "indicators")
    ]
