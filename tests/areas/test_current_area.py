"""The session is written only when the area a person works in changes: a page of the same area
(a progress page polled every few seconds, say) leaves it alone, so SQLite's write lock is not
taken on every poll."""

from django.conf import settings

from sendready.areas.constants import Role
from sendready.areas.models import Membership


def _writes_session(response) -> bool:
    # SessionMiddleware sends the cookie again exactly when it saved a modified session.
    return settings.SESSION_COOKIE_NAME in response.cookies


def test_a_page_of_the_same_area_leaves_the_session_unmodified(client, two_areas):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    first = client.get(f"/areas/{people.area.code}/")
    assert first.status_code == 200 and _writes_session(first)
    assert client.session["area_code"] == people.area.code
    stored = client.session.session_key
    for path in ("", "people/", "audit/", ""):
        again = client.get(f"/areas/{people.area.code}/{path}")
        assert again.status_code == 200
        assert not _writes_session(again), path
    assert client.session.session_key == stored
    assert client.session["area_code"] == people.area.code


def test_a_page_of_another_area_records_the_change(client, two_areas):
    people, other = two_areas
    Membership.objects.create(user=people.by_role[Role.LANO], area=other, role=Role.VIEWER)
    client.force_login(people.by_role[Role.LANO])
    client.get(f"/areas/{people.area.code}/")
    moved = client.get(f"/areas/{other.code}/")
    assert moved.status_code == 200 and _writes_session(moved)
    assert client.session["area_code"] == other.code
    back = client.get(f"/areas/{people.area.code}/")
    assert _writes_session(back) and client.session["area_code"] == people.area.code
