"""Signing in and the area overview, in a real browser."""

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_accessible, click_to, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_sign_in_page_is_accessible_and_rejects_a_wrong_password(
    live_server, page, console_errors
):
    page.goto(f"{live_server.url}/sign-in/")
    assert_accessible(page)
    page.get_by_label("Username").fill("nobody")
    page.get_by_label("Password", exact=True).fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    assert not console_errors


def test_a_lano_signs_in_and_sees_their_area(live_server, page, two_areas, console_errors):
    people, _ = two_areas
    sign_in(page, live_server, "a_lano")
    expect(page.get_by_role("heading", name="Ashvale (test)")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(f"{live_server.url}/sign-in/")
    assert not console_errors


def test_the_people_and_audit_pages_are_accessible(live_server, page, two_areas, console_errors):
    people, _ = two_areas
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/areas/{people.area.code}/people/")
    assert_accessible(page)
    page.get_by_role("button", name="Add person").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    click_to(page, page.get_by_role("link", name="Change role of a_viewer"), "a_viewer")
    assert_accessible(page)
    page.goto(f"{live_server.url}/areas/{people.area.code}/audit/")
    assert_accessible(page)
    assert not console_errors, console_errors


def test_a_new_person_chooses_their_password_from_the_emailed_link(
    live_server, page, two_areas, console_errors, mailoutbox
):
    import re

    people, _ = two_areas
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/areas/{people.area.code}/people/")
    page.get_by_label("Username").fill("new.person")
    page.get_by_label("First name").fill("Nia")
    page.get_by_label("Email address").fill("nia@example.org")
    page.get_by_label("Viewer").check()
    page.get_by_role("button", name="Add person").click()
    expect(
        page.get_by_text("Nia added as Viewer. We have emailed them how to sign in.")
    ).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    link = re.search(r"(/account/set-password/\S+)", mailoutbox[-1].body).group(1)
    page.goto(live_server.url + link)
    expect(page.get_by_role("heading", name="Choose your password")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("New password", exact=True).fill("river-lantern-4417")
    page.get_by_label("Type the new password again").fill("river-lantern-4417")
    click_to(page, page.get_by_role("button", name="Save password"), "Your password is set")
    assert_accessible(page)
    sign_in(page, live_server, "new.person", "river-lantern-4417")
    expect(page.get_by_role("heading", name="Ashvale (test)")).to_be_visible()
    assert not console_errors, console_errors


def test_the_forgotten_password_and_held_back_pages_are_accessible(
    live_server, page, two_areas, console_errors
):
    page.goto(f"{live_server.url}/sign-in/")
    click_to(page, page.get_by_role("link", name="Forgotten your password?"), "Reset your password")
    assert_accessible(page)
    page.get_by_label("Email address").fill("someone@example.org")
    click_to(page, page.get_by_role("button", name="Send the link"), "Check your email")
    assert_accessible(page)
    for _ in range(6):
        page.goto(f"{live_server.url}/sign-in/")
        page.get_by_label("Username").fill("a_viewer")
        page.get_by_label("Password", exact=True).fill("wrong")
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("tried to sign in too many times")).to_be_visible()
    assert_accessible(page)
    assert not console_errors, console_errors
