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
