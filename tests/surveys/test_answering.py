"""Families' pages: no account, nothing identifying kept, one submit stores one response, and every bad
input refused with a message and the right status, storing nothing."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sendready.surveys import actions
from sendready.surveys.models import Response, SubmittedForm
from sendready.surveys.testing import open_survey

pytestmark = pytest.mark.django_db

GOOD = {
    "q-support_type": "None of these",
    "q-listened_to": "Agree",
    "q-identified_early": "Disagree",
    "q-health_help": "Don't know",
    "q-school_meets_needs": "Strongly agree",
    "q-services_helped": ["Short breaks", "School or college"],
    "q-one_thing": "More short breaks.",
}


def _token(client: Client, url: str) -> str:
    page = client.get(url).content.decode()
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


@pytest.fixture
def family():
    """A parent's phone: no account, and Django's CSRF checks on, as in production."""
    return Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Phone/1.0")


def test_a_family_answers_without_an_account_and_nothing_identifying_is_kept(family, survey):
    url = reverse("surveys:answer", args=[survey.slug])
    page = family.get(url)
    assert page.status_code == 200 and not page.cookies  # no session, no CSRF cookie
    assert "Cache-Control" in page and "no-store" in page["Cache-Control"]
    response = family.post(url, {**GOOD, "token": _token(family, url)})
    assert response.status_code == 302 and response.url == reverse(
        "surveys:thanks", args=[survey.slug]
    )
    stored = Response.objects.get()
    assert stored.submitted_on == timezone.localdate()
    assert stored.answers["services_helped"] == ["School or college", "Short breaks"]
    fields = {f.name for f in Response._meta.get_fields()}
    assert fields == {"id", "survey", "submitted_on", "answers"}  # no time, address or account
    assert "203.0.113.9" not in str(stored.answers) and "Phone" not in str(stored.answers)
    assert "What happens next" in family.get(response.url).content.decode()


def test_a_double_click_or_resent_form_stores_one_response(family, survey):
    url = reverse("surveys:answer", args=[survey.slug])
    data = {**GOOD, "token": _token(family, url)}
    assert family.post(url, data).status_code == 302
    again = family.post(url, data)
    assert again.status_code == 409
    assert "already sent" in again.content.decode()
    assert Response.objects.count() == 1 and SubmittedForm.objects.count() == 1


def test_a_forged_form_is_refused(family, survey):
    url = reverse("surveys:answer", args=[survey.slug])
    for token in ["", "made-up", _token(family, url)[:-2] + "xx"]:
        response = family.post(url, {**GOOD, "token": token})
        assert response.status_code == 400
        assert "could not check" in response.content.decode()
    assert not Response.objects.exists()


def test_a_token_for_another_survey_is_refused(family, survey, people, lano, pcf):
    other = open_survey(people.area, lano, pcf, "practitioners")
    token = _token(family, reverse("surveys:answer", args=[other.slug]))
    response = family.post(reverse("surveys:answer", args=[survey.slug]), {**GOOD, "token": token})
    assert response.status_code == 400 and not Response.objects.exists()


def test_missing_unknown_and_oversized_answers_are_refused_with_messages_on_the_page(
    family, survey, settings
):
    settings.SURVEY_ANSWER_MAX_CHARS = 50
    url = reverse("surveys:answer", args=[survey.slug])
    bad = {**GOOD, "q-listened_to": "", "q-identified_early": "Maybe", "q-one_thing": "x" * 51}
    response = family.post(url, {**bad, "token": _token(family, url)})
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page and "<title>Error: " in page
    assert "Select an answer" in page
    assert "“Maybe” is not one of them" in page
    assert "must be 50 characters or fewer. It has 51 characters." in page
    assert 'href="#q-listened_to"' in page
    assert "x" * 51 in page  # what they typed is kept for them to shorten
    assert not Response.objects.exists()


def test_an_expired_form_keeps_the_answers_and_asks_to_send_again(family, survey, settings):
    url = reverse("surveys:answer", args=[survey.slug])
    token = _token(family, url)
    settings.SURVEY_FORM_MAX_AGE_SECONDS = -1
    response = family.post(url, {**GOOD, "token": token})
    assert response.status_code == 400
    assert "send them again" in response.content.decode()
    assert "More short breaks." in response.content.decode()
    assert not Response.objects.exists()


def test_a_closed_survey_says_so_politely_with_410_and_stores_nothing(family, survey, lano):
    url = reverse("surveys:answer", args=[survey.slug])
    token = _token(family, url)
    now = timezone.now()
    actions.set_window(
        actor=lano,
        survey=survey,
        opens_at=now - dt.timedelta(days=5),
        closes_at=now - dt.timedelta(minutes=1),
    )
    response = family.post(url, {**GOOD, "token": token})
    assert response.status_code == 410
    assert "Thank you for wanting to answer" in response.content.decode()
    assert family.get(url).status_code == 410
    assert not Response.objects.exists()


def test_a_survey_not_yet_open_says_when_it_opens(family, survey, lano):
    now = timezone.now()
    actions.set_window(
        actor=lano,
        survey=survey,
        opens_at=now + dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=3),
    )
    response = family.get(reverse("surveys:answer", args=[survey.slug]))
    assert response.status_code == 403 and "Please come back then" in response.content.decode()


def test_an_unapproved_survey_takes_no_answers(family, survey, lano):
    url = reverse("surveys:answer", args=[survey.slug])
    token = _token(family, url)
    actions.change_details(
        actor=lano, survey=survey, title="New title", description="", easy_read=False
    )
    response = family.post(url, {**GOOD, "token": token})
    assert response.status_code == 403
    assert "still being checked by the parent carer forum" in response.content.decode()
    assert not Response.objects.exists()


def test_an_unknown_link_is_not_found(family):
    response = family.get(reverse("surveys:answer", args=["nope"]))
    assert response.status_code == 404 and "No survey has this link" in response.content.decode()


def test_a_flood_is_told_to_wait_without_anyone_being_identified(family, survey, settings):
    settings.SURVEY_SUBMISSIONS_PER_SECOND = 1
    settings.SURVEY_SUBMISSION_BURST = 2
    url = reverse("surveys:answer", args=[survey.slug])
    statuses = [
        family.post(url, {**GOOD, "token": _token(family, url)}).status_code for _ in range(4)
    ]
    assert statuses[:2] == [302, 302] and 429 in statuses[2:]
    refused = family.post(url, {**GOOD, "token": _token(family, url)})
    assert refused.status_code == 429 and int(refused["Retry-After"]) >= 1
    assert "Wait a minute" in refused.content.decode()
    assert Response.objects.count() == statuses.count(302)


def test_the_easy_read_survey_asks_one_question_on_each_page(family, people, lano, pcf):
    survey = open_survey(people.area, lano, pcf, "children_young_people")
    url = reverse("surveys:answer", args=[survey.slug])
    first = family.get(url).content.decode()
    assert (
        "Question 1 of 7" in first
        and "How old are you?" in first
        and "Do you feel safe?" not in first
    )
    token = re.search(r'name="token" value="([^"]+)"', first).group(1)
    data = {"token": token, "step": "0", "nav": "next", "q-age": "11 to 15"}
    page = family.post(url, data).content.decode()
    assert "Question 2 of 7" in page and 'name="q-age" value="11 to 15"' in page
    missing = family.post(url, {**data, "step": "1"})
    assert missing.status_code == 400 and "Select an answer" in missing.content.decode()
    back = family.post(url, {**data, "step": "1", "nav": "back"}).content.decode()
    assert "Question 1 of 7" in back
    answers = {
        "q-age": "11 to 15",
        "q-listened_to": "Sometimes",
        "q-help_at_school": "Yes",
        "q-feel_safe": "Yes",
        "q-things_you_enjoy": "No",
        "q-who_helps": ["My family", "Friends"],
    }
    for step in range(6):
        assert (
            family.post(
                url, {**answers, "token": token, "step": str(step), "nav": "next"}
            ).status_code
            == 200
        )
    done = family.post(url, {**answers, "token": token, "step": "6", "nav": "send"})
    assert done.status_code == 302
    assert Response.objects.get().answers["who_helps"] == ["My family", "Friends"]
