"""The access walk for inspectors: every area page refuses an inspector (in or out of their window),
and every evidence-room page admits only the inspector whose access is open."""

import pytest
from django.urls import reverse

from tests.areas.test_access import AREA_PATTERNS, _site_patterns
from tests.inspection_requests.conftest import expire, sample_request_kwargs

ROOM_PATTERNS = sorted(
    (item for item in _site_patterns() if item[0].startswith("inspection_requests:room")),
    key=lambda item: item[0],
)


@pytest.fixture
def walk(board):
    from sendready.areas.constants import Role

    kwargs = sample_request_kwargs(board.inspection, board.lano, board.owner)
    from sendready.inspection_requests.models import InspectorAccess

    current = InspectorAccess.objects.get(pk=kwargs["access_id"])
    expired = expire(board.inspector("expired_inspector"))
    kwargs["pk"] = board.inspection.pk
    return board, kwargs, current, expired, Role


def _url(name, pattern, kwargs):
    needed = {k: kwargs[k] for k in pattern.pattern.regex.groupindex if k in kwargs}
    return reverse(name, kwargs=needed)


def test_room_pages_exist_to_walk():
    assert {n for n, _ in ROOM_PATTERNS} == {
        "inspection_requests:room_home",
        "inspection_requests:room",
        "inspection_requests:room_item",
        "inspection_requests:room_file",
    }


@pytest.mark.parametrize("name,pattern", ROOM_PATTERNS, ids=[n for n, _ in ROOM_PATTERNS])
def test_each_evidence_room_page_admits_only_the_inspector_in_their_window(
    client, walk, name, pattern
):
    board, kwargs, current, expired, _ = walk
    url = _url(name, pattern, kwargs)
    client.force_login(current.user)
    assert client.get(url).status_code in (200, 302), f"the inspector should reach {name}"
    if name != "inspection_requests:room_home":
        client.force_login(expired.user)
        assert client.get(url).status_code == 404  # another inspector's access id
        expired_url = _url(name, pattern, {**kwargs, "access_id": expired.pk})
        assert client.get(expired_url).status_code == 403, f"an expired inspector reached {name}"
    for user in [*board.people.by_role.values(), board.people.outsider]:
        client.force_login(user)
        assert client.get(url).status_code == 404, f"{user} (not an inspector) reached {name}"
    client.logout()
    assert client.get(url).status_code == 302


@pytest.mark.parametrize("name,pattern", AREA_PATTERNS, ids=[n for n, _ in AREA_PATTERNS])
def test_no_area_page_admits_an_inspector_in_or_out_of_their_window(client, walk, name, pattern):
    board, kwargs, current, expired, _ = walk
    needed = {k: kwargs.get(k, 1) for k in pattern.pattern.regex.groupindex if k != "area_code"}
    url = reverse(name, kwargs={"area_code": board.inspection.area.code, **needed})
    for access in (current, expired):
        client.force_login(access.user)
        assert client.get(url).status_code == 404, f"an inspector reached {name}"
