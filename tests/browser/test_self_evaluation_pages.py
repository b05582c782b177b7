"""The self-evaluation's other pages pass axe: choosing a lead, changing and removing evidence and
Annex A items, and the inspection's page and task list with the checklist on them."""

import datetime as dt

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from sendready.areas.constants import Role
from sendready.inspections import actions as inspection_actions
from sendready.selfevaluation import actions
from sendready.selfevaluation.testing import sample_self_evaluation
from tests.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def media(tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        yield tmp_path


def test_every_other_self_evaluation_page_passes_axe(
    live_server, page, two_areas, console_errors, media
):
    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    inspection = inspection_actions.record_inspection(
        actor=lano, area=people.area, framework="2023-full", notified_on=dt.date(2025, 9, 8)
    )
    evidence, item = sample_self_evaluation(people.area, lano, people.by_role[Role.SYSTEM_LEAD])
    sign_in(page, live_server, "a_lano")
    area = f"{live_server.url}/areas/{people.area.code}"
    base = f"{area}/self-evaluation"
    for path, heading in [
        (f"{base}/criteria/included/lead/", "Choose the system lead"),
        (f"{base}/evidence/{evidence.pk}/edit/", "Change evidence"),
        (
            f"{base}/evidence/{evidence.pk}/remove/",
            "Remove “Parent carer forum survey, summer 2025” from the evidence log?",
        ),
        (f"{base}/annex-a/{item.pk}/", "Change an Annex A item"),
        (f"{base}/annex-a/{item.pk}/update/", item.title),
        (f"{base}/criteria-version/", "Criteria version"),
        (f"{base}/annex-a/{item.pk}/remove/", f"Remove “{item.title}” from the checklist?"),
        (f"{base}/evidence/?show=past_review", "Evidence log"),
        (f"{area}/inspections/{inspection.pk}/", "Inspection timeline"),
        (f"{area}/inspections/{inspection.pk}/tasks/", "Tasks"),
        (f"{area}/", people.area.name),
    ]:
        page.goto(path)
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        assert_accessible(page)
    page.goto(f"{area}/inspections/{inspection.pk}/")
    expect(page.locator("#annex-a-panel")).to_contain_text("overdue")
    page.goto(f"{base}/evidence/{evidence.pk}/edit/")
    page.get_by_label("Title").fill("")
    page.get_by_role("button", name="Save evidence").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a title")
    assert_accessible(page)
    assert not console_errors, console_errors


def test_the_criteria_version_page_passes_axe_before_and_after_a_move(
    live_server, page, two_areas, console_errors
):
    from sendready.domain.inspection.criteria import extra_criteria
    from tests.conftest import ROOT

    people, _ = two_areas
    actions.start_self_evaluation(actor=people.by_role[Role.LANO], area=people.area)
    with extra_criteria(ROOT / "tests" / "data" / "criteria"):
        sign_in(page, live_server, "a_lano")
        page.goto(f"{live_server.url}/areas/{people.area.code}/self-evaluation/criteria-version/")
        expect(page.locator("#dropped")).to_contain_text("Leaders are ambitious")
        assert_accessible(page)
        page.get_by_role("button", name="Move to version 2026").click()
        expect(page.get_by_role("heading", name="Moved from version 2023")).to_be_visible()
        assert_accessible(page)
    assert not console_errors, console_errors
