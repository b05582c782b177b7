"""Platform hook: an area's person-level snapshots, offered by the app that imports them and read by
others (tracked cases, focused sampling), so no capability app imports another."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import polars as pl

    from sendready.accounts.models import LocalArea


@dataclass(frozen=True)
class SnapshotRows:
    """One stored snapshot: its date and size, and a way to read its typed rows."""

    snapshot_id: int
    snapshot_date: date
    row_count: int
    read: Callable[[list[str] | None], pl.DataFrame]


class SnapshotSource(Protocol):
    def find(self, area: LocalArea, day: date | None) -> SnapshotRows | None: ...

    def dates(self, area: LocalArea) -> list[date]: ...


_SOURCES: list[SnapshotSource] = []


def register_snapshot_source(source: SnapshotSource) -> None:
    """Offer an area's snapshots (called from an AppConfig.ready)."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def find_snapshot(area: LocalArea, day: date | None = None) -> SnapshotRows | None:
    """The area's snapshot on `day` (the latest when None), or None when there is none."""
    for source in _SOURCES:
        found = source.find(area, day)
        if found is not None:
            return found
    return None


def snapshot_dates(area: LocalArea) -> list[date]:
    """The dates of the area's snapshots, newest first."""
    return sorted({d for source in _SOURCES for d in source.dates(area)}, reverse=True)
