"""Recorded inspections: offered by inspections, read by the forecast."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sendready.domain.history.events import HistoryEvent

if TYPE_CHECKING:
    pass

RecordedInspectionsProvider = Callable[[], list[HistoryEvent]]
_RECORDED_PROVIDERS: list[RecordedInspectionsProvider] = []


def register_recorded_inspections(provider: RecordedInspectionsProvider) -> None:
    """Offer a source of recorded inspections."""
    if provider not in _RECORDED_PROVIDERS:
        _RECORDED_PROVIDERS.append(provider)


def recorded_inspections() -> list[HistoryEvent]:
    """Every area's recorded inspections with an outcome, as national-history events."""
    return [event for provider in _RECORDED_PROVIDERS for event in provider()]
