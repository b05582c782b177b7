"""Inspector accounts: nobody is given a password. The inspector is emailed a link to choose their own,
then must set up two-factor sign-in like every role; access stays read-only and time-boxed."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from sendready.accounts import two_factor
from sendready.audit.models import AuditEvent
from tests.inspection_requests.conftest import expire

NEW_PASSWORD = "river-lantern-4417"


def _give_access(client, board, **values):
    url = reverse(
        "inspection_requests:inspectors", args=[board.inspection.area.code, board.inspection.pk]
    )
    data = {
        "name": "Jane Lead",
        "role": "Lead HMI",
        "username": "jane.lead",
        "email": "jane.lead@inspectors.example.org",
        **values,
    }
    return client.post(url, data, follow=True)


@pytest.fixture
def given(client, board, mailoutbox, django_capture_on_commit_callbacks):
    """The LANO gives Jane access through the page; returns the page shown after."""
    client.force_login(board.lano)
    with django_capture_on_commit_callbacks(execute=True):
        page = _give_access(client, board)
    client.logout()
    return page


def test_no_password_is_shown_on_the_page_or_kept_in_a_cookie(given, client):
    text = given.content.decode()
    assert "We have emailed them a link to choose their password" in text
    assert "one-time password" not in text
    assert "messages" not in given.cookies and "messages" not in client.cookies
    user = get_user_model().objects.get(username="jane.lead")
    assert not user.has_usable_password()


def test_the_inspector_is_emailed_a_set_password_link_and_nothing_else_opens_the_account(
    given, mailoutbox
):
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["jane.lead@inspectors.example.org"]
    assert "Your username is: jane.lead" in mail.body
    assert re.search(r"/account/set-password/\S+", mail.body)
    assert "two-factor" in mail.body
    assert not Client().login(username="jane.lead", password="")


def test_after_choosing_a_password_the_inspector_must_set_up_two_factor_sign_in(
    given, mailoutbox, board
):
    link = re.search(r"http://testserver(/account/set-password/\S+)", mailoutbox[0].body)
    assert link is not None
    browser = Client()
    form_page = browser.get(link.group(1), follow=True)
    done = browser.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert "Your password is set" in done.content.decode()
    signed_in = browser.post(reverse("login"), {"username": "jane.lead", "password": NEW_PASSWORD})
    assert signed_in.status_code == 302
    room = browser.get(reverse("inspection_requests:room_home"))
    assert room.status_code == 302 and room.url.startswith(reverse("accounts:two_factor_setup"))
    access = get_user_model().objects.get(username="jane.lead").inspector_access
    item = browser.get(reverse("inspection_requests:room", args=[access.pk]))
    assert item.url.startswith(reverse("accounts:two_factor_setup"))


def test_inspectors_need_a_second_factor_even_when_their_window_has_closed(board):
    access = board.inspector()
    assert two_factor.needs_second_factor(access.user)
    assert two_factor.needs_second_factor(expire(access).user)


def test_an_inspector_needs_an_email_address(client, board, mailoutbox):
    client.force_login(board.lano)
    page = _give_access(client, board, email="")
    assert "email address: we email them how to sign in" in page.content.decode()
    assert not get_user_model().objects.filter(username="jane.lead").exists()
    assert mailoutbox == []


def test_giving_access_is_audited_without_any_password(given):
    event = AuditEvent.objects.get(object_type="inspector_access", action="created")
    assert "emailed a link" in event.detail
