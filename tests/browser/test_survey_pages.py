"""Every survey page passes axe: the builder's pages, the forum's review, sharing, results, promotion,
and the families' pages, including the easy-read survey on a phone-sized screen with a keyboard."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sendready.areas.constants import Role
from sendready.inspections import actions as inspection_actions
from sendready.surveys import actions
from sendready.surveys.models import Response
from sendready.surveys.testing import answer_survey, open_survey
from tests.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 320, "height": 640}


def test_every_page_of_building_reviewing_and_reading_a_survey_passes_axe(
    live_server, page, two_areas, console_errors
):
    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    inspection_actions.record_inspection(
        actor=lano, area=people.area, framework="2023-full", notified_on=timezone.localdate()
    )
    survey = open_survey(people.area, lano, people.by_role[Role.PCF_REP])
    answer_survey(survey, 12)
    draft = actions.create_survey(actor=lano, area=people.area, audience="practitioners")
    sign_in(page, live_server, "a_lano")
    base = f"{live_server.url}/areas/{people.area.code}/surveys"
    for path, heading in [
        (f"{base}/", "Surveys"),
        (f"{base}/?audience=practitioners", "Surveys"),
        (f"{base}/new/", "Create a survey"),
        (f"{base}/{draft.pk}/", draft.title),
        (f"{base}/{draft.pk}/details/", "Change the survey's details"),
        (f"{base}/{draft.pk}/dates/", "When the survey is open"),
        (f"{base}/{draft.pk}/questions/new/", "Add a question"),
        (f"{base}/{draft.pk}/questions/training/", "Change a question"),
        (
            f"{base}/{draft.pk}/questions/training/remove/",
            "Remove “I have had the training I need.”?",
        ),
        (f"{base}/{draft.pk}/questions/from-bank/", "Add questions from the bank"),
        (f"{base}/{survey.pk}/share/", "Share the survey"),
        (f"{base}/{survey.pk}/results/", f"Results: {survey.title}"),
        (f"{base}/inspectors-survey/", "Promote the inspectors' survey"),
        (f"{live_server.url}/areas/{people.area.code}/", people.area.name),
    ]:
        page.goto(path)
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        assert_accessible(page)
    page.goto(f"{base}/{draft.pk}/questions/new/")
    page.get_by_role("button", name="Save the question").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the question")
    assert_accessible(page)
    page.goto(f"{base}/{draft.pk}/")
    page.get_by_role("button", name="Send to the parent carer forum for review").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Sent to the parent carer forum"
    )
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server, "a_pcf_rep")
    page.goto(f"{base}/{draft.pk}/review/")
    expect(page.get_by_role("heading", name=f"Review “{draft.title}”", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Ask for changes").check()
    page.get_by_role("button", name="Save my review").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what should change")
    assert_accessible(page)
    assert not console_errors, console_errors


def test_a_family_answers_on_a_phone_and_every_public_page_passes_axe(
    live_server, browser, two_areas
):
    people, _ = two_areas
    lano, pcf = people.by_role[Role.LANO], people.by_role[Role.PCF_REP]
    survey = open_survey(people.area, lano, pcf)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    url = f"{live_server.url}/s/{survey.slug}/"
    page.goto(url)
    expect(page.get_by_role("heading", name=survey.title, level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select an answer")
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    for fieldset, answer in [
        ("What support does", "None of these"),
        ("I feel listened to", "Agree"),
        ("noticed early enough", "Disagree"),
        ("help they need from health", "Don't know"),
        ("school or college meets", "Strongly agree"),
    ]:
        page.get_by_role("group", name=fieldset).get_by_label(answer, exact=True).check()
    page.get_by_label("Short breaks").check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    assert_accessible(page)
    assert Response.objects.count() == 1
    now = timezone.now()
    actions.set_window(
        actor=lano,
        survey=survey,
        opens_at=now - dt.timedelta(days=3),
        closes_at=now - dt.timedelta(hours=1),
    )
    response = page.goto(url)
    assert response.status == 410
    expect(page.get_by_role("heading", name="This survey has closed", level=1)).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/s/no-such-link/")
    expect(page.get_by_role("heading", name="Survey not found", level=1)).to_be_visible()
    assert_accessible(page)
    # The refusals' own statuses (400, 410, 404) are logged by the browser; nothing else may be.
    assert not [e for e in errors if not e.startswith("Failed to load resource")], errors
    context.close()


def test_the_easy_read_survey_works_with_a_keyboard_on_a_phone(live_server, browser, two_areas):
    people, _ = two_areas
    survey = open_survey(
        people.area,
        people.by_role[Role.LANO],
        people.by_role[Role.PCF_REP],
        "children_young_people",
    )
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/s/{survey.slug}/")
    expect(page.get_by_role("heading", name="How old are you? (optional)", level=1)).to_be_visible()
    assert_accessible(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways ({width}px)"
    page.keyboard.press("Tab")  # skip link, then the first answer
    page.get_by_label("11 to 15").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")  # sends the form with its first button: Next
    expect(page.get_by_text("Question 2 of 7")).to_be_visible()
    page.get_by_role("button", name="Next").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select an answer")
    assert_accessible(page)
    for _ in range(4):
        page.get_by_label("Sometimes").check()
        page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="Who helps you?", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("My family").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Question 7 of 7")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    assert_accessible(page)
    assert Response.objects.get().answers["who_helps"] == ["My family"]
    context.close()
