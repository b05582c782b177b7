import pytest

from sendready.areas.constants import Role
from sendready.surveys.testing import open_survey


@pytest.fixture
def people(two_areas):
    return two_areas[0]


@pytest.fixture
def lano(people):
    return people.by_role[Role.LANO]


@pytest.fixture
def pcf(people):
    return people.by_role[Role.PCF_REP]


@pytest.fixture
def survey(people, lano, pcf):
    """An approved parents' and carers' survey, open now."""
    return open_survey(people.area, lano, pcf)
