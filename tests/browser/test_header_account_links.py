"""The header's account links: who is signed in, the area switcher and signing out, with and without
JavaScript, passing axe on a wide and a narrow screen."""

import pytest
from playwright.sync_api import expect

from sendready.areas.constants import Role
from tests.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def in_two_areas(two_areas):
    from sendready.areas.models import Membership

    people, area_b = two_areas
    Membership.objects.create(user=people.by_role[Role.LANO], area=area_b, role=Role.VIEWER)
    return people, area_b


def test_the_area_switcher_in_the_header_passes_axe_and_switches(
    live_server, page, in_two_areas, console_errors
):
    people, area_b = in_two_areas
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/areas/{people.area.code}/")
    header = page.locator("header")
    expect(header.get_by_text("Signed in as")).to_be_visible()
    expect(page.locator("main h1").first).to_have_text("Ashvale (test)")
    assert_accessible(page)
    page.set_viewport_size({"width": 360, "height": 740})
    assert_accessible(page)
    header.get_by_label("Local area").select_option(area_b.code)
    header.get_by_role("button", name="Switch area").click()
    expect(page.get_by_role("heading", name="Brookford (test)", level=1)).to_be_visible()
    assert_accessible(page)
    assert not console_errors, console_errors


def test_the_header_links_work_without_javascript(live_server, browser, in_two_areas):
    people, area_b = in_two_areas
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, live_server, "a_lano")
        page.goto(f"{live_server.url}/areas/{people.area.code}/")
        page.locator("header").get_by_label("Local area").select_option(area_b.code)
        page.locator("header").get_by_role("button", name="Switch area").click()
        expect(page.get_by_role("heading", name="Brookford (test)", level=1)).to_be_visible()
        page.locator("header").get_by_role("link", name="Change password").click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        page.locator("header").get_by_role("button", name="Sign out").click()
        expect(page).to_have_url(f"{live_server.url}/sign-in/")
    finally:
        context.close()
