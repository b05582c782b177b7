"""Failed sign-ins slow the next try down (never lock anyone out), by username and by client address."""

import datetime as dt

import pytest
from django.test import RequestFactory
from django.utils import timezone

from sendready.accounts import throttle
from sendready.accounts.models import SignInThrottle
from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from tests.conftest import TEST_PASSWORD


def _sign_in(client, username, password="wrong", **extra):
    return client.post("/sign-in/", {"username": username, "password": password}, **extra)


def _let_the_wait_pass() -> None:
    SignInThrottle.objects.update(blocked_until=timezone.now() - dt.timedelta(seconds=1))


def test_five_failures_are_free_then_the_wait_doubles_from_30_seconds_up_to_15_minutes():
    assert [throttle.wait_after(n) for n in range(1, 12)] == [
        0,
        0,
        0,
        0,
        30,
        60,
        120,
        240,
        480,
        900,
        900,
    ]


def test_waits_are_said_in_words():
    assert throttle.describe_wait(30) == "30 seconds"
    assert throttle.describe_wait(61) == "2 minutes"
    assert throttle.describe_wait(900) == "15 minutes"


def _request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/sign-in/", **extra)


def test_the_forwarded_header_is_ignored_unless_behind_a_trusted_proxy(settings):
    settings.BEHIND_PROXY = False
    assert throttle.client_address(_request("10.0.0.5", "203.0.113.9")) == "10.0.0.5"
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    assert throttle.client_address(_request("10.0.0.5", "203.0.113.9")) == "203.0.113.9"
    # Sent straight to the app, not through our proxy: the header is the client's own words.
    assert throttle.client_address(_request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


def test_behind_a_proxy_an_address_the_client_wrote_into_the_header_is_not_believed(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "127.0.0.1"]
    request = _request("127.0.0.1", "1.2.3.4, 203.0.113.9, 10.0.0.8")
    assert throttle.client_address(request) == "203.0.113.9"
    assert throttle.client_address(_request("127.0.0.1", "not-an-address")) == "127.0.0.1"


def test_an_ipv6_client_is_counted_by_its_network_not_each_address(settings):
    settings.BEHIND_PROXY = False
    assert throttle.client_address(_request("2001:db8:1:2::99")) == "2001:db8:1:2::/64"


def test_after_five_wrong_passwords_even_the_right_one_waits_30_seconds(client, two_areas):
    for _ in range(4):
        assert "not right" in _sign_in(client, "a_viewer").content.decode()
    fifth = _sign_in(client, "a_viewer").content.decode()
    assert "You can try again in 30 seconds" in fifth
    held = _sign_in(client, "a_viewer", TEST_PASSWORD)
    assert held.status_code == 200
    assert "tried to sign in too many times. Wait 30 seconds" in held.content.decode()
    _let_the_wait_pass()
    assert _sign_in(client, "a_viewer", TEST_PASSWORD).status_code == 302
    assert not SignInThrottle.objects.filter(kind="username").exists()


def test_each_failure_after_the_free_ones_doubles_the_wait(client, db):
    for _ in range(6):
        _sign_in(client, "nobody")
        _let_the_wait_pass()
    row = SignInThrottle.objects.get(kind="username", key="nobody")
    assert row.failures == 6
    _sign_in(client, "nobody")
    row.refresh_from_db()
    assert 115 < (row.blocked_until - timezone.now()).total_seconds() <= 120


def test_someone_guessing_many_names_from_one_address_is_held_back(client, two_areas):
    for n in range(5):
        _sign_in(client, f"guess{n}")
    held = _sign_in(client, "a_lano", TEST_PASSWORD)
    assert "Wait 30 seconds" in held.content.decode()


def test_behind_a_proxy_people_at_other_addresses_are_not_held_back(client, two_areas, settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for n in range(6):
        _sign_in(client, f"guess{n}", HTTP_X_FORWARDED_FOR="203.0.113.66")
    assert (
        "Wait"
        in _sign_in(
            client, "a_lano", TEST_PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.66"
        ).content.decode()
    )
    ok = _sign_in(client, "a_lano", TEST_PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert ok.status_code == 302


def test_a_quiet_hour_starts_the_count_again(client, db):
    for _ in range(4):
        _sign_in(client, "nobody")
    SignInThrottle.objects.update(last_failure_at=timezone.now() - dt.timedelta(hours=2))
    _sign_in(client, "nobody")
    assert SignInThrottle.objects.get(kind="username").failures == 1


def test_refused_and_held_back_sign_ins_are_audited_against_the_members_area(client, two_areas):
    people, _ = two_areas
    for _ in range(5):
        _sign_in(client, "a_viewer")
    for _ in range(3):
        _sign_in(client, "a_viewer", TEST_PASSWORD)
    events = AuditEvent.objects.filter(area=people.area, object_type="sign_in")
    assert events.filter(action=AuditAction.SIGN_IN_REFUSED).count() == 5
    # Held-back tries are recorded once per wait, so hammering the page cannot flood the log.
    assert events.filter(action=AuditAction.SIGN_IN_THROTTLED).count() == 1
    assert events.first().username == "a_viewer"
    _let_the_wait_pass()
    _sign_in(client, "nobody-at-all")
    assert AuditEvent.objects.filter(area=None, username="nobody-at-all").count() == 1


def test_a_lano_sees_recent_refused_sign_ins_of_their_members_only(client, two_areas):
    people, area_b = two_areas
    for _ in range(6):
        _sign_in(client, "a_viewer")
        _sign_in(client, "b_lano")
    client.force_login(people.by_role[Role.LANO])
    page = client.get(f"/areas/{people.area.code}/people/").content.decode()
    assert "Refused sign-ins" in page
    assert "a_viewer" in page and "Wrong username or password" in page
    assert "b_lano" not in page
    assert "Sign-in held back" in page or "Next try held back" in page


def test_the_admin_sign_in_page_sends_people_to_ours(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url == "/sign-in/?next=/admin/"


@pytest.mark.parametrize("password", ["x" * 129])
def test_a_huge_password_is_refused_before_it_reaches_the_hasher(client, db, password):
    response = _sign_in(client, "someone", password)
    assert response.status_code == 200
    assert not SignInThrottle.objects.exists()
