"""The shipped areas and inspection history are in the database after migrate, with no further step."""

from sendready.areas.models import LocalArea
from sendready.forecasting.models import InspectionEvent


def test_migrate_loads_the_153_current_areas_and_the_abolished_ones(db) -> None:
    assert LocalArea.objects.national().current().count() == 153
    assert LocalArea.objects.national().filter(is_current=False).count() == 3
    stoke = LocalArea.objects.get(code="E06000021")
    assert (stoke.name, stoke.old_la_code, stoke.region, stoke.is_fictional) == (
        "Stoke-on-Trent",
        "861",
        "West Midlands",
        False,
    )


def test_migrate_loads_all_270_shipped_events_keeping_unknowns_null(db) -> None:
    assert InspectionEvent.objects.count() == 270
    north_yorkshire = InspectionEvent.objects.get(area__name="North Yorkshire", framework="2023")
    assert north_yorkshire.start_date is None and north_yorkshire.publication_date is not None
