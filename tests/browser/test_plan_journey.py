"""A re-visit's outcome becomes judgements and an accelerated progress plan; a LANO adds an action,
records a judgement and reads the history. Every page passes axe."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from sendready.areas.constants import Role
from sendready.inspections import actions
from tests.conftest import assert_accessible, click_to, sign_in
from tests.plans.conftest import inspected

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, name: str, day: dt.date) -> None:
    page.locator(f"#id_{name}_day").fill(str(day.day))
    page.locator(f"#id_{name}_month").fill(str(day.month))
    page.locator(f"#id_{name}_year").fill(str(day.year))


def test_from_a_recorded_revisit_to_the_plan_an_action_a_judgement_and_the_history(
    live_server, page, two_areas, console_errors
):
    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    first = inspected(people, lano)
    actions.conclude_inspection(actor=lano, inspection=first)
    revisit = actions.record_inspection(
        actor=lano, area=people.area, framework="2016-revisit", notified_on=dt.date(2022, 4, 12)
    )
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/areas/{people.area.code}/inspections/{revisit.pk}/")
    click_to(page, page.get_by_role("button", name="Record the outcome"), "Record the outcome")
    page.get_by_label("Insufficient progress in at least one area").check()
    _fill_date(page, "report_date", dt.date(2022, 6, 14))
    page.get_by_label("Progress in each area of significant weakness").fill(
        "1 sufficient\n2 sufficient\n3 sufficient\n4 insufficient\n5 insufficient"
    )
    page.get_by_role("button", name="Save the outcome").click()
    expect(page.get_by_role("heading", name="Inspection timeline")).to_be_visible()

    click_to(page, page.get_by_role("link", name="Improvement plans").first, "Improvement plans")
    assert_accessible(page)
    click_to(
        page,
        page.get_by_role("link", name="Accelerated progress plan"),
        "Accelerated progress plan",
    )
    expect(page.locator("main")).to_contain_text("19 July 2022")
    expect(page.locator("#rag-rules")).to_be_visible()
    assert_accessible(page)

    click_to(
        page, page.get_by_role("link", name="Add an action to area 4"), "Add an action to area 4"
    )
    page.get_by_label("What will be done").fill("Pooled budget agreed")
    page.get_by_label("Owner").select_option(label="a_lano (Local area nominated officer)")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("every action needs a due date")
    assert_accessible(page)
    _fill_date(page, "due_date", dt.date.today() + dt.timedelta(days=90))
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#area-4")).to_contain_text("Pooled budget agreed")

    page.get_by_role("link", name="All plans").click()
    click_to(
        page,
        page.get_by_role("link", name="Written statement of action"),
        "Written statement of action",
    )
    expect(page.locator("main")).to_contain_text("3 sufficient, 2 insufficient")
    click_to(page, page.get_by_role("link", name="Record a judgement").first, "Record a judgement")
    page.get_by_label("Area of the plan").select_option(value="4")
    page.get_by_label("Sufficient progress", exact=True).check()
    _fill_date(page, "date", dt.date.today())
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("4 sufficient, 1 insufficient")
    assert_accessible(page)

    click_to(
        page,
        page.get_by_role("link", name="The plan on any date, and what changed"),
        f"The plan on {dt.date.today():%A %-d %B %Y}, and what changed",
    )
    page.get_by_role("link", name="a month ago", exact=False).click()
    expect(page.locator("#changes")).to_contain_text("What changed between")
    expect(page.locator("main")).to_contain_text("Judgement")
    assert_accessible(page)
