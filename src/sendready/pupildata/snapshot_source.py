"""The area's snapshots offered to other capabilities through the platform hook."""

from __future__ import annotations

from datetime import date
from functools import partial

import polars as pl

from sendready.areas.models import LocalArea
from sendready.areas.registry import SnapshotRows
from sendready.domain.person_level.indicator_rules import with_every_column
from sendready.domain.person_level.reading import ROW_COLUMN
from sendready.pupildata import storage
from sendready.pupildata.models import Snapshot


class StoredSnapshots:
    """Snapshots in the default storage (Parquet); a snapshot row exists only once its file is whole."""

    def _ready(self, area: LocalArea):
        return Snapshot.objects.for_area(area)

    def find(self, area: LocalArea, day: date | None) -> SnapshotRows | None:
        snapshots = self._ready(area).order_by("-snapshot_date", "-created_at")
        if day is not None:
            snapshots = snapshots.filter(snapshot_date=day)
        snapshot = snapshots.first()
        if snapshot is None:
            return None
        return SnapshotRows(
            snapshot.pk,
            snapshot.snapshot_date,
            snapshot.row_count,
            partial(_read, snapshot.data_path),
        )

    def dates(self, area: LocalArea) -> list[date]:
        return list(self._ready(area).values_list("snapshot_date", flat=True))


def _read(name: str, columns: list[str] | None = None):
    try:
        frame = storage.read_rows(name, columns)
    except pl.exceptions.ColumnNotFoundError:
        # Stored before the layout gained a column asked for: that column comes back blank.
        frame = with_every_column(storage.read_rows(name)).select(columns or [])
    return with_every_column(frame.drop([ROW_COLUMN], strict=False)) if columns is None else frame


SOURCE = StoredSnapshots()
