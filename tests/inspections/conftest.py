import datetime as dt

import pytest

from sendready.areas.constants import Role
from sendready.inspections import actions


@pytest.fixture
def inspection(two_areas):
    """A current-framework inspection of area A, notified Monday 8 September 2025."""
    people, _ = two_areas
    return actions.record_inspection(
        actor=people.by_role[Role.LANO],
        area=people.area,
        framework="2023-full",
        notified_on=dt.date(2025, 9, 8),
    )
