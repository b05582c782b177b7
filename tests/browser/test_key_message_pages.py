"""The key message to families and its easy-read version, as pages, pass axe and link to each other."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from sendready.areas.constants import Role
from sendready.inspections import actions
from tests.conftest import assert_accessible, click_to, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_key_message_and_easy_read_pages_are_accessible(
    live_server, page, two_areas, console_errors
):
    people, _ = two_areas
    inspection = actions.record_inspection(
        actor=people.by_role[Role.LANO],
        area=people.area,
        framework="2023-full",
        notified_on=dt.date(2025, 9, 8),
    )
    sign_in(page, live_server, "a_pcf_rep")
    page.goto(
        f"{live_server.url}/areas/{people.area.code}/inspections/{inspection.pk}/key-message/"
    )
    expect(page.get_by_role("heading", name="When inspectors are here")).to_be_visible()
    expect(page.locator("#message")).to_contain_text("The link will follow.")
    assert_accessible(page)
    click_to(
        page,
        page.get_by_role("link", name="Read the easy-read version"),
        "Inspectors are visiting Ashvale (test): easy read",
    )
    expect(page.locator("#message")).to_contain_text("We will send you the link soon.")
    assert_accessible(page)
    assert not console_errors, console_errors
