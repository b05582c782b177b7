"""The regional forecast table and an area's forecast in a real browser, with no accessibility violations."""

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shipped_data(transactional_db):
    """transaction=True flushes the data migration's rows after each test, so load them again."""
    from sendready.areas.models import LocalArea
    from sendready.forecasting.data import load_shipped_data
    from sendready.forecasting.models import InspectionEvent

    load_shipped_data(LocalArea, InspectionEvent)


def test_the_regional_table_and_an_area_forecast_are_accessible(
    page, live_server, two_areas, shipped_data, console_errors
) -> None:
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/forecast/regions/west-midlands/")
    assert page.locator("tbody tr").count() == 14
    assert_accessible(page)
    page.locator("thead th a").first.click()
    expect(page.locator("th[aria-sort=ascending]")).to_have_count(1)
    page.get_by_role("link", name="Stoke-on-Trent").click()
    expect(
        page.get_by_role("heading", name="When will Stoke-on-Trent be inspected?")
    ).to_be_visible()
    assert_accessible(page)
    expect(page.locator(".govuk-notification-banner__heading")).to_contain_text(
        "This forecast is out of date"
    )
    page.goto(f"{live_server.url}/areas/E99000001/forecast/")
    expect(page.get_by_role("heading", name="Example: when will")).to_be_visible()
    assert_accessible(page)
    assert not console_errors


def test_the_national_table_backtest_and_import_pages_are_accessible(
    page, live_server, two_areas, shipped_data, console_errors
) -> None:
    from django.contrib.auth import get_user_model

    from tests.conftest import TEST_PASSWORD

    get_user_model().objects.create_user("site_admin", password=TEST_PASSWORD, is_staff=True)
    sign_in(page, live_server, "site_admin")
    for path, heading in [
        ("/forecast/", "When will we be inspected? England"),
        ("/forecast/backtest/", None),
        ("/forecast/backtest/?kind=revisit", None),
        ("/forecast/import/", None),
    ]:
        page.goto(f"{live_server.url}{path}")
        if heading:
            expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        assert_accessible(page)
    assert not console_errors


def test_an_administrator_imports_data_to_insights_summary_and_sees_what_was_added(
    page, live_server, two_areas, shipped_data, tmp_path, console_errors
) -> None:
    from pathlib import Path

    from django.contrib.auth import get_user_model

    from tests.conftest import TEST_PASSWORD

    sample = Path(__file__).resolve().parents[1] / "data" / "d2i_ofsted_send_summary_sample.csv"
    upload = tmp_path / "ofsted_csc_send_overview.csv"
    upload.write_text(
        sample.read_text("utf-8").strip() + "\n80447,801,E12000009,E06000023,bristol,01/01/1900,"
        "06/10/25,10/10/25,2,test row,20/11/25,3 years,06/10/28,\n",
        "utf-8",
    )
    get_user_model().objects.create_user("site_admin", password=TEST_PASSWORD, is_staff=True)
    sign_in(page, live_server, "site_admin")
    page.goto(f"{live_server.url}/forecast/import/")
    page.set_input_files("input[type=file]", str(upload))
    page.get_by_role("button", name="Import inspections").click()
    expect(page.get_by_text("1 added, 0 updated, 5 unchanged")).to_be_visible()
    expect(
        page.get_by_text("Bristol, City of: full inspection (2023 framework) started 2025-10-06")
    ).to_be_visible()
    expect(page.get_by_text("Read as Data to Insight's Ofsted SEND summary")).to_be_visible()
    assert_accessible(page)
    assert not console_errors
