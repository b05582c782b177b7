"""Two-factor sign-in in a real browser: setting up an app, then signing in with a code or a backup code."""

from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.conftest import TEST_PASSWORD, assert_accessible, click_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _password_step(page, live_server, username):
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_practitioner_sets_up_an_app_and_signs_in_with_a_backup_code(
    live_server, page, two_areas, console_errors
):
    _password_step(page, live_server, "a_practitioner")
    expect(page.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    expect(page.get_by_role("img", name="QR code to add sendready")).to_be_visible()
    assert page.locator("img.sr-qr-code").evaluate("img => img.naturalWidth") > 0
    assert_accessible(page)
    page.get_by_label("Enter the 6-digit code").fill("000000")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    key = page.locator("#setup-key").inner_text().replace(" ", "")
    page.get_by_label("Enter the 6-digit code").fill(f"{totp(b32decode(key)):06d}")
    click_to(page, page.get_by_role("button", name="Continue"), "Two-factor sign-in is set up")
    assert_accessible(page)
    backup = page.locator(".sr-backup-codes code").first.inner_text()
    click_to(
        page,
        page.get_by_role("link", name="I have saved my backup codes: continue"),
        "Ashvale (test)",
    )
    page.get_by_role("button", name="Sign out").click()

    _password_step(page, live_server, "a_practitioner")
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Code").fill("123")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not right")
    assert_accessible(page)
    page.wait_for_timeout(1100)  # wrong codes are slowed down: 1 second after the first
    page.get_by_label("Code").fill(backup)
    click_to(page, page.get_by_role("button", name="Continue"), "Ashvale (test)")
    assert not console_errors, console_errors
