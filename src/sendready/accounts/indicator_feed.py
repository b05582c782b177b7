"""Platform hook: an area's person-level indicator values per snapshot, offered by one app, read by others.

The person-level data app registers a provider; the self-evaluation pins indicators as evidence through
here, so neither capability app imports the other."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sendready.accounts.models import LocalArea


@dataclass(frozen=True)
class IndicatorValue:
    id: str
    title: str
    value: float | int | None
    unit: str


@dataclass(frozen=True)
class SnapshotValues:
    """The figures of one dated snapshot."""

    snapshot_date: dt.date
    values: dict[str, IndicatorValue]


Provider = Callable[[LocalArea], list[SnapshotValues]]
_PROVIDERS: list[Provider] = []


def register_indicator_provider(provider: Provider) -> None:
    """Offer a source of indicator values (called from an AppConfig.ready)."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def indicator_snapshots(area: LocalArea) -> list[SnapshotValues]:
    """Every snapshot's figures for the area, newest first."""
    found = [s for provider in _PROVIDERS for s in provider(area)]
    return sorted(found, key=lambda s: s.snapshot_date, reverse=True)


def latest_values(area: LocalArea) -> SnapshotValues | None:
    """The newest snapshot's figures, or None when the area has imported none."""
    snapshots = indicator_snapshots(area)
    return snapshots[0] if snapshots else None
