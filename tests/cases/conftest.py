"""Fixtures for tracked cases: area A with a 300-row snapshot as at 31 March 2025."""

import datetime as dt
import tempfile
from pathlib import Path

import pytest

from sendready.areas.constants import Role
from sendready.domain.person_level.generator import generate, write_csv

AS_OF = dt.date(2025, 3, 31)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def people(two_areas):
    return two_areas[0]


@pytest.fixture
def lano(people):
    return people.by_role[Role.LANO]


@pytest.fixture
def snapshot(people, lano):
    """The area's snapshot, imported the way the console does."""
    from sendready.areas.registry import find_snapshot
    from sendready.pupildata import actions

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "area.csv"
        write_csv(generate(300, 5, as_of=AS_OF), path)
        actions.import_path(actor=lano, area=people.area, path=path, snapshot_date=AS_OF)
    return find_snapshot(people.area)


@pytest.fixture
def case(people, lano, snapshot):
    """The first tracked case of a practice sample, with a practitioner and the health lead on its team."""
    from sendready.cases.testing import sample_case

    return sample_case(
        people.area, lano, [people.by_role[Role.PRACTITIONER], people.by_role[Role.HEALTH_LEAD]]
    )
