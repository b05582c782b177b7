"""The regional forecast table and an area's forecast in a real browser, with no accessibility violations."""

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shipped_data(transactional_db):
    """transaction=True flushes the data migration's rows after each test, so load them again."""
    from sendready.accounts.models import LocalArea
    from sendready.forecasting.data import load_shipped_data
    from sendready.forecasting.models import InspectionEvent

    load_shipped_data(LocalArea, InspectionEvent)


def test_the_regional_table_and_an_area_forecast_are_accessible(page, live_server, two_areas, shipped_data,
                                                                console_errors) -> None:
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/forecast/regions/west-midlands/")
    assert page.locator("tbody tr").count() == 14
    assert_accessible(page)
    page.locator("thead th a").first.click()
    expect(page.locator("th[aria-sort=ascending]")).to_have_count(1)
    page.get_by_role("link", name="Stoke-on-Trent").click()
    expect(page.get_by_role("heading", name="When will Stoke-on-Trent be inspected?")).to_be_visible()
    assert_accessible(page)
    expect(page.locator(".govuk-notification-banner__heading")).to_contain_text("This forecast is out of date")
    page.goto(f"{live_server.url}/areas/E99000001/forecast/")
    expect(page.get_by_role("heading", name="Example: when will")).to_be_visible()
    assert_accessible(page)
    assert not console_errors


def test_the_national_table_backtest_and_import_pages_are_accessible(page, live_server, two_areas, shipped_data,
                                                                     console_errors) -> None:
    from django.contrib.auth import get_user_model

    from tests.conftest import TEST_PASSWORD

    get_user_model().objects.create_user("site_admin", password=TEST_PASSWORD, is_staff=True)
    sign_in(page, live_server, "site_admin")
    for path, heading in [("/forecast/", "When will we be inspected? England"),
                          ("/forecast/backtest/", None), ("/forecast/backtest/?kind=revisit", None),
                          ("/forecast/import/", None)]:
        page.goto(f"{live_server.url}{path}")
        if heading:
            expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        assert_accessible(page)
    assert not console_errors
