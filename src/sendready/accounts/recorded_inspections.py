"""Platform hook: each area's own recorded inspections, offered by one app and read by another.

The inspections app registers a provider; the forecast reads the events through here, so neither
capability app imports the other."""

from collections.abc import Callable

from sendready.domain.history.events import HistoryEvent

Provider = Callable[[], list[HistoryEvent]]
_PROVIDERS: list[Provider] = []


def register_recorded_inspections(provider: Provider) -> None:
    """Offer a source of recorded inspections (called from an AppConfig.ready)."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def recorded_inspections() -> list[HistoryEvent]:
    """Every area's recorded inspections with an outcome, as national-history events."""
    return [event for provider in _PROVIDERS for event in provider()]
