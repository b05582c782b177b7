"""Pinning a tracked-case audit theme as evidence, in the browser: both pages pass axe."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from playwright.sync_api import expect

from sendready.accounts.models import AccountSecurity
from tests.conftest import TEST_PASSWORD, assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_lano_pins_an_audit_theme_and_reads_it_then_and_now(
    live_server, page, console_errors, tmp_path
):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        call_command("load_demo", stdout=StringIO())
        lano = get_user_model().objects.get(username="lano")
        lano.set_password(TEST_PASSWORD)
        lano.save()
        AccountSecurity.objects.filter(user=lano).update(must_choose_password=False)
        sign_in(page, live_server, "lano")
        page.goto(f"{live_server.url}/areas/E99999901/self-evaluation/evidence/pin-finding/")
        expect(
            page.get_by_role("heading", name="Pin a finding as evidence", level=1)
        ).to_be_visible()
        assert_accessible(page)
        page.get_by_role("button", name="Pin finding").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a finding")
        assert_accessible(page)
        page.get_by_label(
            "Tracked cases' audits: Case file audits: agreed grades by section"
        ).check()
        page.get_by_role("group", name="Which criteria does it support?").get_by_role(
            "checkbox"
        ).first.check()
        page.get_by_role("button", name="Pin finding").click()
        expect(
            page.get_by_role("heading", name="Case file audits: agreed grades by section", level=1)
        ).to_be_visible()
        expect(page.locator("caption", has_text="When pinned")).to_be_visible()
        assert_accessible(page)
    assert not console_errors, console_errors
