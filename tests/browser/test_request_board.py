"""The journey from request to release, the live board, the no-JavaScript board, and the inspector's
evidence room: every page passes axe."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.conftest import TEST_PASSWORD, assert_accessible, click_to, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def live_board(two_areas, settings, tmp_path):
    from sendready.areas.constants import Role
    from sendready.inspections import actions as inspection_actions
    from tests.inspection_requests.conftest import Board, this_monday

    settings.MEDIA_ROOT = tmp_path / "media"
    people, area_b = two_areas
    lano = people.by_role[Role.LANO]
    people.by_role[Role.PRACTITIONER].first_name = "Priya"
    people.by_role[Role.PRACTITIONER].last_name = "Shah"
    people.by_role[Role.PRACTITIONER].save()
    inspection = inspection_actions.record_inspection(
        actor=lano, area=people.area, framework="2023-full", notified_on=this_monday()
    )
    return Board(people, area_b, inspection, lano, people.by_role[Role.PRACTITIONER])


def _fill_due(page, day: dt.date, time: str) -> None:
    page.locator("#id_due_date_day").fill(str(day.day))
    page.locator("#id_due_date_month").fill(str(day.month))
    page.locator("#id_due_date_year").fill(str(day.year))
    page.get_by_label("Due time").fill(time)


def test_a_request_goes_from_the_board_to_release(
    live_server, page, live_board, console_errors, tmp_path
):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    sign_in(page, live_server, "a_lano")
    expect(page.locator("main")).to_contain_text("Requests from inspectors")  # overview panel
    assert_accessible(page)
    click_to(page, page.get_by_role("link", name="Requests").first, "Requests from inspectors")
    assert_accessible(page)

    click_to(
        page,
        page.get_by_role("button", name="Add requests from a list"),
        "Add requests from a list",
    )
    page.get_by_label("Requests, one per line").fill(
        "1. Pen portrait: tracked case 1\n2. Chronology: tracked case 1"
    )
    _fill_due(page, tomorrow, "12:00")
    page.get_by_label("Owner", exact=True).select_option(label="Priya Shah")
    page.get_by_label("Owner's organisation").select_option("council")
    assert_accessible(page)
    page.get_by_role("button", name="Add these requests").click()
    expect(page.get_by_role("heading", name="Requests from inspectors")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Chronology: tracked case 1")

    click_to(page, page.get_by_role("button", name="Add a request"), "Add a request")
    page.get_by_label("What inspectors asked for").fill("Person-level data")
    page.get_by_label("Due time").fill("12:00")
    page.get_by_role("button", name="Save request").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the due date")
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    _fill_due(page, tomorrow, "12:00")
    page.get_by_label("Owner", exact=True).select_option(label="Priya Shah")
    page.get_by_role("button", name="Save request").click()
    expect(page.get_by_role("heading", name="Requests from inspectors")).to_be_visible()
    page.context.clear_cookies()

    sign_in(page, live_server, "a_practitioner")
    page.goto(f"{live_server.url}/areas/{live_board.inspection.area.code}/requests/mine/")
    expect(page.get_by_role("heading", name="What you owe")).to_be_visible()
    assert_accessible(page)
    click_to(
        page,
        page.get_by_role("link", name="Pen portrait: tracked case 1"),
        "Pen portrait: tracked case 1",
    )
    page.get_by_label("Written answer").fill("Pen portrait agreed with the family")
    page.get_by_role("button", name="Save answer").click()
    expect(page.get_by_text("Answer saved.")).to_be_visible()
    upload = tmp_path / "pen-portrait.pdf"
    upload.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.get_by_label("Add a file").set_input_files(str(upload))
    page.get_by_role("button", name="Add file").click()
    expect(page.get_by_text("pen-portrait.pdf added.")).to_be_visible()
    bad = tmp_path / "notes.exe"
    bad.write_bytes(b"MZ\x90\x00")
    page.get_by_label("Add a file").set_input_files(str(bad))
    page.get_by_role("button", name="Add file").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("not a kind of file")
    assert_accessible(page)
    assert console_errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]
    console_errors.clear()  # the refused file is answered 400, which Chromium logs as an error
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator("main")).to_contain_text("Ready for review")
    assert_accessible(page)
    page.context.clear_cookies()

    sign_in(page, live_server, "a_lano")
    page.goto(
        f"{live_server.url}/areas/{live_board.inspection.area.code}/requests/?show=ready_for_review"
    )
    click_to(
        page,
        page.get_by_role("link", name="Pen portrait: tracked case 1"),
        "Pen portrait: tracked case 1",
    )
    assert_accessible(page)
    expect(page.locator("main")).to_contain_text("did not own or prepare the answer")
    page.get_by_label("Release note (optional)").fill("Checked with the family")
    page.get_by_role("button", name="Release to inspectors").click()
    expect(page.locator("main")).to_contain_text("Version 1: released")
    expect(page.locator("main")).to_contain_text("Release note: Checked with the family")
    expect(page.get_by_role("button", name="Start a new version")).to_be_visible()
    assert_accessible(page)
    assert not console_errors, console_errors


def test_the_board_updates_itself_where_javascript_runs(
    live_server, page, live_board, console_errors
):
    live_board.add("Annex A: SEND strategy")
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/areas/{live_board.inspection.area.code}/requests/")
    expect(page.locator("[data-count='ready_for_review']")).to_have_text("0")
    live_board.answered("Case file audit: tracked case 2")
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(page.locator("[data-count='ready_for_review']")).to_have_text("1")
    expect(page.locator("#board-announce")).to_contain_text("1 waiting for review")
    expect(page.locator("main")).to_contain_text("Case file audit: tracked case 2")
    assert_accessible(page)
    assert not console_errors, console_errors


def assert_accessible_as_served_without_javascript(nojs_page, js_page) -> None:
    """axe on the page exactly as the no-JavaScript browser got it: axe needs JavaScript itself, so
    the same HTML is served to a second page whose own scripts a policy keeps from running."""
    url, html = nojs_page.url, nojs_page.content()
    js_page.route(
        url,
        lambda route: route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": "script-src 'none'"},
            body=html,
        ),
    )
    js_page.goto(url)
    assert js_page.evaluate("document.body.classList.contains('js-enabled')") is False
    assert_accessible(js_page)
    js_page.unroute(url)


def test_the_board_works_without_javascript(live_server, browser, page, live_board):
    live_board.answered("Commissioning agreements")
    context = browser.new_context(java_script_enabled=False)
    nojs = context.new_page()
    sign_in(nojs, live_server, "a_lano")
    nojs.goto(f"{live_server.url}/areas/{live_board.inspection.area.code}/requests/")
    expect(nojs.locator("[data-count='ready_for_review']")).to_have_text("1")
    nojs.get_by_label("Show").select_option("ready_for_review")
    nojs.get_by_role("button", name="Show").click()
    click_to(
        nojs, nojs.get_by_role("link", name="Commissioning agreements"), "Commissioning agreements"
    )
    nojs.get_by_role("button", name="Release to inspectors").click()
    expect(nojs.locator("main")).to_contain_text("Version 1: released")
    sign_in(page, live_server, "a_lano")
    assert_accessible_as_served_without_javascript(nojs, page)
    nojs.goto(f"{live_server.url}/areas/{live_board.inspection.area.code}/requests/")
    nojs.get_by_role("link", name="Refresh").click()
    expect(nojs.locator("[data-count='released']")).to_have_text("1")
    assert_accessible_as_served_without_javascript(nojs, page)
    context.close()


def test_an_inspector_opens_the_evidence_room_and_the_lano_reads_the_record(
    live_server, page, live_board, console_errors, mailoutbox
):
    import re
    from base64 import b32decode

    from django_otp.oath import totp

    live_board.released("Annex A: SEND strategy")
    live_board.answered("Not yet released")
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/areas/{live_board.inspection.area.code}/requests/")
    click_to(page, page.get_by_role("link", name="Evidence room"), "Evidence room")
    assert_accessible(page)
    page.get_by_label("Inspector's name").fill("Jane Lead")
    page.get_by_label("Role in the inspection team").fill("Lead HMI")
    page.get_by_label("Username for signing in").fill("jane.lead")
    page.get_by_label("Email address").fill("jane.lead@inspectors.example.org")
    page.get_by_role("button", name="Give access").click()
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert "We have emailed them a link" in banner and "password " not in banner
    assert_accessible(page)
    page.context.clear_cookies()

    # The inspector chooses their own password from the email, then sets up two-factor sign-in.
    link = re.search(r"(/account/set-password/\S+)", mailoutbox[-1].body).group(1)
    page.goto(live_server.url + link)
    page.get_by_label("New password", exact=True).fill("river-lantern-4417")
    page.get_by_label("Type the new password again").fill("river-lantern-4417")
    click_to(page, page.get_by_role("button", name="Save password"), "Your password is set")
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill("jane.lead")
    page.get_by_label("Password", exact=True).fill("river-lantern-4417")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    key = page.locator("#setup-key").inner_text().replace(" ", "")
    page.get_by_label("Enter the 6-digit code").fill(f"{totp(b32decode(key)):06d}")
    click_to(page, page.get_by_role("button", name="Continue"), "Two-factor sign-in is set up")
    page.get_by_role("link", name="I have saved my backup codes: continue").click()
    expect(page.get_by_role("heading", name="Evidence room: Ashvale (test)")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Not yet released")
    assert_accessible(page)
    click_to(
        page, page.get_by_role("link", name="Tracked cases: each case's pack"), "Tracked cases"
    )
    assert_accessible(page)
    page.go_back()
    click_to(
        page, page.get_by_role("link", name="Annex A: SEND strategy"), "Annex A: SEND strategy"
    )
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download audit.pdf").click()
    assert download_info.value.path().read_bytes().startswith(b"%PDF")
    page.context.clear_cookies()

    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/areas/{live_board.inspection.area.code}/requests/")
    click_to(
        page, page.get_by_role("link", name="What we shared"), "What we shared with inspectors"
    )
    expect(page.locator("main")).to_contain_text("Downloaded")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download this record (Excel)").click()
    book = load_workbook(io.BytesIO(download_info.value.path().read_bytes()))
    assert book["Shared with inspectors"]["G2"].value == "Jane Lead"
    assert not console_errors, console_errors
    assert TEST_PASSWORD
