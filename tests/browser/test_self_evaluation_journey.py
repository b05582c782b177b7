"""A LANO writes a position, adds evidence with a file, pins an indicator and downloads the SEF;
every self-evaluation page passes axe."""

import datetime as dt

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from sendready.areas.constants import Role
from sendready.inspections import actions as inspection_actions
from sendready.pupildata.testing import sample_snapshot_and_run
from sendready.selfevaluation import actions
from tests.conftest import assert_accessible, click_to, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def media(tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        yield tmp_path


def test_a_lano_builds_the_self_evaluation_and_downloads_it(
    live_server, page, two_areas, console_errors, media
):
    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    sample_snapshot_and_run(people.area, lano)
    inspection_actions.record_inspection(
        actor=lano, area=people.area, framework="2023-full", notified_on=dt.date(2025, 9, 8)
    )
    sign_in(page, live_server, "a_lano")
    base = f"{live_server.url}/areas/{people.area.code}/self-evaluation/"
    page.goto(base)
    expect(page.get_by_role("button", name="Start the self-evaluation")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Start the self-evaluation").click()
    expect(page.get_by_role("heading", name="Self-evaluation", level=1)).to_be_visible()
    expect(page.locator(".govuk-tag", has_text="Wording unconfirmed")).to_have_count(7)
    assert_accessible(page)

    # Write a position, first without a rationale.
    click_to(
        page,
        page.get_by_role("link", name="1. Children and young people's needs are identified"),
        "Children and young people's needs are identified accurately and assessed in a timely and effective way",
    )
    assert_accessible(page)
    click_to(
        page,
        page.get_by_role("link", name="Edit the position and answers"),
        "Children and young people's needs are identified accurately and assessed in a timely and effective way",
    )
    assert_accessible(page)
    page.get_by_label("Inconsistent experiences and outcomes").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Give the rationale")
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Why: the rationale for this position").fill("Waits vary by locality.")
    page.get_by_label("What next?").fill("Joint triage pilot from January.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-summary-list")).to_contain_text(
        "Inconsistent experiences and outcomes"
    )
    expect(page.locator("table")).to_contain_text("Joint triage pilot from January.")
    assert_accessible(page)

    # Add evidence with a file, for this criterion.
    click_to(page, page.get_by_role("link", name="Add evidence for this criterion"), "Add evidence")
    assert_accessible(page)
    page.get_by_label("Account of lived experience").check()
    page.get_by_label("Title").fill("Parent carer forum survey")
    page.locator("#id_evidence_date_day").fill("14")
    page.locator("#id_evidence_date_month").fill("7")
    page.locator("#id_evidence_date_year").fill("2025")
    page.locator("#id_co_produced").check()
    page.locator("input[type=file]").set_input_files(
        files=[
            {"name": "survey.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}
        ]
    )
    page.get_by_role("button", name="Save evidence").click()
    expect(page.get_by_role("heading", name="Parent carer forum survey", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Download survey.pdf")).to_be_visible()
    assert_accessible(page)

    # Pin an indicator.
    page.goto(base + "evidence/")
    assert_accessible(page)
    click_to(
        page,
        page.get_by_role("link", name="Pin a person-level indicator"),
        "Pin an indicator as evidence",
    )
    assert_accessible(page)
    page.get_by_label("Indicator", exact=True).select_option("ehc_plans")
    page.get_by_label("4. Children and young people are well prepared").check()
    page.get_by_role("button", name="Pin indicator").click()
    expect(page.locator("table")).to_contain_text("When pinned")
    assert_accessible(page)
    click_to(
        page,
        page.get_by_role("link", name="Change the indicator or its comparison"),
        "Change the pinned indicator",
    )
    assert_accessible(page)
    page.get_by_label("Indicator", exact=True).select_option("sen_support")
    page.get_by_role("button", name="Save the pinned indicator").click()
    expect(page.locator("table")).to_contain_text("When pinned")
    assert_accessible(page)

    # The self-assessment, then the downloads.
    page.goto(base + "outcome/")
    assert_accessible(page)
    click_to(
        page,
        page.get_by_role("link", name="Answer the self-assessment"),
        "Answer the self-assessment",
    )
    assert_accessible(page)
    page.get_by_label("How many areas for priority action").fill("0")
    page.get_by_role("button", name="Save the answers").click()
    expect(page.get_by_role("heading", name="Outcome self-assessment", level=1)).to_be_visible()
    assert_accessible(page)

    page.goto(base)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the self-evaluation (Word)").click()
    assert download.value.suggested_filename.endswith(".docx")
    from docx import Document

    document = Document(download.value.path())
    assert any(
        "Parent carer forum survey" in c.text
        for t in document.tables
        for r in t.rows
        for c in r.cells
    )

    page.goto(base + "annex-a/")
    assert_accessible(page)
    page.get_by_role("button", name="Start the Annex A checklist").click()
    expect(page.locator("#who-owes-what")).to_contain_text("Nobody yet")
    assert_accessible(page)
    click_to(page, page.get_by_role("link", name="SEND strategy"), "SEND strategy")
    assert_accessible(page)
    page.get_by_label("Status").select_option("ready")
    page.get_by_label("Link (optional)").fill("https://example.org/strategy")
    page.get_by_role("button", name="Save update").click()
    expect(page.get_by_role("heading", name="Annex A checklist", level=1)).to_be_visible()
    expect(page.locator("body")).to_contain_text("1 of 10 items ready")
    click_to(
        page,
        page.get_by_role("link", name="Add an item of the area's own"),
        "Add an item of the area's own",
    )
    assert_accessible(page)
    assert not console_errors, console_errors


def test_the_parent_carer_forum_comments_on_a_criterion(
    live_server, page, two_areas, console_errors
):
    people, _ = two_areas
    actions.start_self_evaluation(actor=people.by_role[Role.LANO], area=people.area)
    sign_in(page, live_server, "a_pcf_rep")
    page.goto(f"{live_server.url}/areas/{people.area.code}/self-evaluation/criteria/participate/")
    expect(page.get_by_role("link", name="Edit the position and answers")).to_have_count(0)
    page.get_by_label("Add a comment").fill(
        "Families say plans are written for them, not with them."
    )
    page.get_by_role("button", name="Add comment").click()
    expect(page.locator(".govuk-inset-text").last).to_contain_text("not with them")
    assert_accessible(page)
    assert not console_errors, console_errors
