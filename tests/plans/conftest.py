import pytest

from sendready.areas.constants import Role


@pytest.fixture
def people(two_areas):
    people, _ = two_areas
    return people


@pytest.fixture
def lano(people):
    return people.by_role[Role.LANO]
