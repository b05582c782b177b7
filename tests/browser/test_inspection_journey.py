"""A LANO records an inspection, reads the timeline, downloads the calendar; every page passes axe."""

import icalendar
import pytest
from playwright.sync_api import expect

from sendready.inspections import timetable_actions
from tests.conftest import assert_accessible, click_to, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_lano_records_an_inspection_and_downloads_the_calendar(
    live_server, page, two_areas, console_errors
):
    people, _ = two_areas
    sign_in(page, live_server, "a_lano")
    click_to(page, page.get_by_role("link", name="Inspections").first, "Inspections")
    assert_accessible(page)
    click_to(
        page,
        page.get_by_role("button", name="Record an inspection notification"),
        "Record an inspection notification",
    )
    assert_accessible(page)

    page.get_by_label("Type of inspection").select_option("2023-full")
    page.locator("#id_notified_on_day").fill("6")
    page.locator("#id_notified_on_month").fill("9")
    page.locator("#id_notified_on_year").fill("2025")
    page.get_by_role("button", name="Record inspection").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Saturday")
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.closest('.govuk-error-summary') !== null")
    assert_accessible(page)

    page.locator("#id_notified_on_day").fill("8")
    page.get_by_role("button", name="Record inspection").click()
    expect(page.get_by_role("heading", name="Inspection timeline")).to_be_visible()
    timeline = page.locator("#timeline").inner_text()
    assert "Monday 22 September 2025" in timeline and "Friday 26 September 2025" in timeline
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role(
            "link", name="Calendar of every step and session (ICS, for Outlook)"
        ).click()
    calendar = icalendar.Calendar.from_ical(download_info.value.path().read_bytes())
    assert len(list(calendar.walk("VEVENT"))) > 10

    this_inspection = page.get_by_role("navigation", name="This inspection")
    for link, heading in [
        ("Tasks", "Tasks"),
        ("On-site timetable", "On-site timetable"),
        ("Key message to families", "Inspectors are visiting SEND services in Ashvale (test)"),
    ]:
        click_to(page, this_inspection.get_by_role("link", name=link), heading)
        assert_accessible(page)
    click_to(
        page, this_inspection.get_by_role("link", name="On-site timetable"), "On-site timetable"
    )
    click_to(page, page.get_by_role("button", name="Add a session"), "Add a session")
    assert_accessible(page)
    page.get_by_label("Title").fill("Self-evaluation discussion with leaders")
    page.get_by_label("Start time").fill("12:00")
    page.get_by_label("End time").fill("13:30")
    page.get_by_label("Leaders", exact=True).check()
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("heading", name="On-site timetable")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Self-evaluation discussion with leaders")
    click_to(
        page, page.get_by_role("link", name="Printable view"), "On-site timetable: Ashvale (test)"
    )
    assert_accessible(page)
    assert not console_errors, console_errors


def test_the_briefing_and_task_forms_are_accessible(live_server, page, two_areas, console_errors):
    import datetime as dt

    from sendready.areas.constants import Role
    from sendready.inspections import actions

    people, _ = two_areas
    inspection = actions.record_inspection(
        actor=people.by_role[Role.LANO],
        area=people.area,
        framework="2016-revisit",
        notified_on=dt.date(2022, 1, 17),
    )
    sign_in(page, live_server, "a_lano")
    base = f"{live_server.url}/areas/{people.area.code}/inspections/{inspection.pk}/"
    for path in ["briefing/", "dates/", "settings/", f"tasks/{inspection.tasks.first().pk}/"]:
        page.goto(base + path)
        assert_accessible(page)
    page.goto(base + "briefing/")
    page.get_by_label("Contact email for questions").fill("not an email")
    page.get_by_role("button", name="Save briefing details").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    assert not console_errors, console_errors


def test_the_session_edit_and_no_area_pages_are_accessible(
    live_server, page, two_areas, console_errors
):
    import datetime as dt

    from django.contrib.auth import get_user_model

    from sendready.areas.constants import Role
    from sendready.inspections import actions
    from tests.conftest import TEST_PASSWORD

    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    inspection = actions.record_inspection(
        actor=lano, area=people.area, framework="2023-full", notified_on=dt.date(2025, 9, 8)
    )
    session = timetable_actions.save_session(
        actor=lano,
        inspection=inspection,
        values=timetable_actions.SessionValues(
            date=dt.date(2025, 9, 22),
            part_of_day="am",
            start_time=dt.time(9),
            end_time=dt.time(10),
            title="Leaders",
            attendee_groups=["leaders"],
        ),
    )
    sign_in(page, live_server, "a_lano")
    page.goto(
        f"{live_server.url}/areas/{people.area.code}/inspections/{inspection.pk}/timetable/{session.pk}/"
    )
    assert_accessible(page)
    page.goto(f"{live_server.url}/areas/{people.area.code}/inspections/")
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(f"{live_server.url}/sign-in/")
    get_user_model().objects.create_user("newcomer", password=TEST_PASSWORD)
    sign_in(page, live_server, "newcomer")
    expect(
        page.get_by_role("heading", name="You are not a member of a local area yet")
    ).to_be_visible()
    assert_accessible(page)
    assert not console_errors, console_errors
