"""A LANO enters a real date and records the outcome; the new page parts pass axe."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from sendready.areas.constants import Role
from sendready.inspections import actions
from tests.conftest import assert_accessible, click_to, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_lano_enters_a_real_date_and_records_the_outcome(
    live_server, page, two_areas, console_errors
):
    people, _ = two_areas
    inspection = actions.record_inspection(
        actor=people.by_role[Role.LANO],
        area=people.area,
        framework="2023-full",
        notified_on=dt.date(2025, 4, 7),
    )
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/areas/{people.area.code}/inspections/{inspection.pk}/")
    expect(page.locator("#real-dates-needed")).to_contain_text("Inspectors on site")
    assert_accessible(page)

    click_to(
        page,
        page.locator("#real-dates-needed").get_by_role("link", name="Inspectors on site"),
        "Inspectors on site (Monday to Friday of week three)",
    )
    assert_accessible(page)
    page.locator("#id_onsite_start_day").fill("22")
    page.locator("#id_onsite_start_month").fill("4")
    page.locator("#id_onsite_start_year").fill("2025")
    page.locator("#id_onsite_end_day").fill("20")
    page.locator("#id_onsite_end_month").fill("4")
    page.locator("#id_onsite_end_year").fill("2025")
    page.get_by_role("button", name="Save the real date").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("must be on or after")
    assert_accessible(page)
    page.locator("#id_onsite_end_day").fill("25")
    page.get_by_role("button", name="Save the real date").click()
    expect(page.get_by_role("heading", name="Inspection timeline")).to_be_visible()
    expect(page.locator("#milestone-onsite")).to_contain_text("Actual, entered by a_lano")
    assert_accessible(page)

    click_to(page, page.get_by_role("button", name="Record the outcome"), "Record the outcome")
    assert_accessible(page)
    page.get_by_label("Widespread or systemic failings").check()
    page.locator("#id_report_date_day").fill("20")
    page.locator("#id_report_date_month").fill("6")
    page.locator("#id_report_date_year").fill("2025")
    page.get_by_role("button", name="Save the outcome").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "at least 1 areas for priority action"
    )
    assert_accessible(page)
    page.get_by_label("Areas for priority action (number)").fill("2")
    page.get_by_role("button", name="Save the outcome").click()
    expect(page.get_by_role("heading", name="Inspection timeline")).to_be_visible()
    timeline = page.locator("#timeline").inner_text()
    assert "Priority action plan submitted" in timeline
    assert "about five years" not in timeline
    assert_accessible(page)
