"""From the demo plan to a monitoring report and a person's own actions; every page passes axe."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from sendready.areas.constants import Role
from sendready.plans import demo
from sendready.plans.models import Plan
from tests.conftest import assert_accessible, click_to, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, name: str, day: dt.date) -> None:
    page.locator(f"#id_{name}_day").fill(str(day.day))
    page.locator(f"#id_{name}_month").fill(str(day.month))
    page.locator(f"#id_{name}_year").fill(str(day.year))


def test_a_lano_produces_the_monitoring_report_and_reads_their_own_actions(
    live_server, page, two_areas, console_errors
):
    people, _ = two_areas
    demo.load(
        people.area,
        {
            "lano": people.by_role[Role.LANO],
            "systemlead": people.by_role[Role.SYSTEM_LEAD],
            "health": people.by_role[Role.HEALTH_LEAD],
        },
    )
    wsoa = Plan.objects.get(plan_type="wsoa")
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/areas/{people.area.code}/plans/{wsoa.pk}/")
    click_to(
        page,
        page.get_by_role("link", name="Monitoring reports: produce or download"),
        "Monitoring report",
    )
    expect(page.locator("main")).to_contain_text("No report has been produced yet")
    assert_accessible(page)

    _fill_date(page, "meeting_date", dt.date(2019, 2, 1))
    page.get_by_role("button", name="Produce the report").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("the day the plan was made")
    assert_accessible(page)

    _fill_date(page, "meeting_date", dt.date(2020, 2, 3))
    page.get_by_role("button", name="Produce the report").click()
    expect(page.locator("main")).to_contain_text("The last report was for the meeting of")
    link = page.get_by_role("link", name="Download the report as Word for the meeting of")
    expect(link).to_have_attribute(
        "href",
        f"/areas/{people.area.code}/plans/{wsoa.pk}/monitoring-report.docx?meeting=2020-02-03",
    )
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith("monitoring-report-2020-02-03.docx")
    assert_accessible(page)

    page.goto(f"{live_server.url}/areas/{people.area.code}/plans/my-actions/")
    expect(page.get_by_role("heading", name="Actions you own", level=1)).to_be_visible()
    expect(page.locator("main")).to_contain_text("Pooled budget for joint placements")
    assert_accessible(page)
    assert console_errors == []
