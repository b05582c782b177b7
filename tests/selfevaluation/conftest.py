import pytest
from django.test import override_settings

from sendready.areas.constants import Role
from sendready.selfevaluation import actions


@pytest.fixture(autouse=True)
def _media(tmp_path):
    """Uploaded files go to a folder of each test's own."""
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        yield


@pytest.fixture
def people(two_areas):
    return two_areas[0]


@pytest.fixture
def sef(people):
    return actions.start_self_evaluation(area=people.area, actor=people.by_role[Role.LANO])


def url(name: str, area, *args) -> str:
    from django.urls import reverse

    return reverse(f"selfevaluation:{name}", args=[area.code, *args])
