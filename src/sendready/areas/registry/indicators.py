"""Indicator values: offered by person-level data, read by the self-evaluation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sendready.areas.models import LocalArea


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


IndicatorProvider = Callable[["LocalArea"], list[SnapshotValues]]
_INDICATOR_PROVIDERS: list[IndicatorProvider] = []


def register_indicator_provider(provider: IndicatorProvider) -> None:
    """Offer a source of indicator values."""
    if provider not in _INDICATOR_PROVIDERS:
        _INDICATOR_PROVIDERS.append(provider)


def indicator_snapshots(area: LocalArea) -> list[SnapshotValues]:
    """Every snapshot's figures for the area, newest first."""
    found = [s for provider in _INDICATOR_PROVIDERS for s in provider(area)]
    return sorted(found, key=lambda s: s.snapshot_date, reverse=True)


def latest_values(area: LocalArea) -> SnapshotValues | None:
    """The newest snapshot's figures, or None when the area has imported none."""
    snapshots = indicator_snapshots(area)
    return snapshots[0] if snapshots else None
