"""Fixtures for person-level data: snapshots on disk under a temporary MEDIA_ROOT."""

import datetime as dt
import io

import pytest

from sendready.areas.constants import Role
from sendready.domain.person_level.generator import generate

AS_OF = dt.date(2025, 3, 31)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Every test writes snapshots and uploads into its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def people(two_areas):
    return two_areas[0]


@pytest.fixture
def lano(people):
    return people.by_role[Role.LANO]


def csv_bytes(rows: int = 200, seed: int = 3, dirty: bool = False, as_of: dt.date = AS_OF) -> bytes:
    """A generated person-level file as CSV bytes."""
    buffer = io.BytesIO()
    generate(rows, seed, dirty=dirty, as_of=as_of).write_csv(buffer)
    return buffer.getvalue()


@pytest.fixture
def snapshot(people, lano, tmp_path):
    """A 300-row snapshot of area A as at 31 March 2025, imported through the console path."""
    from sendready.pupildata import actions

    path = tmp_path / "pupils.csv"
    path.write_bytes(csv_bytes(300))
    run = actions.import_path(actor=lano, area=people.area, path=path, snapshot_date=AS_OF)
    assert run.snapshot_id, run.errors
    return run.snapshot
