"""Between the database and the pure domain: areas and events as domain values, and shipped-data loading."""

from __future__ import annotations

from typing import Any

from sendready.areas.registry import recorded_inspections
from sendready.domain.history.events import Area, HistoryEvent, load_areas, load_events

# Fields copied between a domain event and a database row (besides area, key and timestamps).
EVENT_FIELDS = (
    "framework",
    "kind",
    "start_date",
    "publication_date",
    "outcome",
    "outcome_text",
    "n_weaknesses_or_priority_areas",
    "revisit_n_sufficient",
    "revisit_n_insufficient",
    "source",
)


def row_values(event: HistoryEvent) -> dict[str, Any]:
    """Database field values for one domain event."""
    return {f: getattr(event, f) for f in EVENT_FIELDS}


def load_shipped_data(local_area_model: Any, event_model: Any) -> tuple[int, int]:
    """Put the shipped areas and events into the database (models may be historical); return the counts added."""
    added_areas = 0
    for a in load_areas():
        _, created = local_area_model.objects.update_or_create(
            code=a.code,
            defaults={
                "old_la_code": a.old_la_code,
                "name": a.name,
                "region": a.region,
                "is_current": a.is_current,
                "is_fictional": False,
            },
        )
        added_areas += created
    held = set(event_model.objects.values_list("event_key", flat=True))
    new = [
        event_model(area_id=e.area_code, event_key=e.key, **row_values(e))
        for e in load_events()
        if e.key not in held
    ]
    event_model.objects.bulk_create(new, batch_size=500)
    return added_areas, len(new)


def domain_areas() -> list[Area]:
    """The real areas held in the database, with the shipped region and successor details."""
    from sendready.areas.models import LocalArea

    held = dict(LocalArea.objects.national().values_list("code", "region"))
    return [a for a in load_areas() if a.code in held]


def domain_events() -> list[HistoryEvent]:
    """Every event held in the database (shipped and imported), as domain values."""
    from sendready.forecasting.models import InspectionEvent

    names = dict(_area_names())
    out = []
    for r in InspectionEvent.objects.national().order_by("pk"):
        values = {f: getattr(r, f) for f in EVENT_FIELDS}
        out.append(
            HistoryEvent(area_code=r.area_id, area_name=names.get(r.area_id, r.area_id), **values)
        )
    # Areas' own recorded outcomes count too, unless the history already holds that inspection.
    held = {(e.area_code, e.framework, e.kind, e.start_date) for e in out} | {e.key for e in out}
    out += [
        e
        for e in recorded_inspections()
        if e.key not in held and (e.area_code, e.framework, e.kind, e.start_date) not in held
    ]
    return out


def _area_names() -> list[tuple[str, str]]:
    from sendready.areas.models import LocalArea

    return list(LocalArea.objects.values_list("code", "name"))
