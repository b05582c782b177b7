"""Person-level snapshots: offered by person-level data, read by cases and sampling."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import polars as pl

    from sendready.areas.models import LocalArea


@dataclass(frozen=True)
class SnapshotRows:
    """One stored snapshot: its date and size, and a way to read its typed rows."""

    snapshot_id: int
    snapshot_date: dt.date
    row_count: int
    read: Callable[[list[str] | None], pl.DataFrame]


class SnapshotSource(Protocol):
    def find(self, area: LocalArea, day: dt.date | None) -> SnapshotRows | None: ...

    def dates(self, area: LocalArea) -> list[dt.date]: ...


_SNAPSHOT_SOURCES: list[SnapshotSource] = []


def register_snapshot_source(source: SnapshotSource) -> None:
    """Offer an area's snapshots."""
    if source not in _SNAPSHOT_SOURCES:
        _SNAPSHOT_SOURCES.append(source)


def find_snapshot(area: LocalArea, day: dt.date | None = None) -> SnapshotRows | None:
    """The area's snapshot on `day` (the latest when None), or None when there is none."""
    for source in _SNAPSHOT_SOURCES:
        found = source.find(area, day)
        if found is not None:
            return found
    return None


def snapshot_dates(area: LocalArea) -> list[dt.date]:
    """The dates of the area's snapshots, newest first."""
    return sorted({d for source in _SNAPSHOT_SOURCES for d in source.dates(area)}, reverse=True)
