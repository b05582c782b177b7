"""During an inspection: the inspectors' survey from the inspection's record, ready-to-send messages,
promotion tasks on the inspection's task list; and each audience's link for the key message."""

import datetime as dt

import pytest
from django.urls import reverse

from sendready.areas.registry import active_inspection, extra_tasks, survey_links
from sendready.domain.surveys.promotion import CHANNELS
from sendready.inspections import actions as inspection_actions
from sendready.surveys.models import PromotionTask

pytestmark = pytest.mark.django_db


@pytest.fixture
def inspection(people, lano):
    inspection = inspection_actions.record_inspection(
        actor=lano, area=people.area, framework="2023-full", notified_on=dt.date(2025, 9, 8)
    )
    inspection.survey_link = "https://survey.example.org/inspectors"
    inspection.save(update_fields=["survey_link"])
    return inspection


def test_each_channel_is_a_task_on_the_inspection_until_done(client, people, lano, inspection):
    active = active_inspection(people.area)
    tasks = [t for t in extra_tasks(people.area, lano, active) if "inspectors' survey" in t.title]
    assert len(tasks) == len(CHANNELS)
    assert tasks[0].due_at.date() == active.steps["surveys"].date
    client.force_login(lano)
    url = reverse("surveys:promotion", args=[people.area.code])
    page = client.get(url).content.decode()
    assert "https://survey.example.org/inspectors" in page
    assert "Ofsted and the Care Quality Commission" in page
    assert client.post(url, {"channel": "website", "done": "yes"}).status_code == 302
    assert PromotionTask.objects.get(channel="website").done_by == lano
    tasks = [t for t in extra_tasks(people.area, lano, active) if "inspectors' survey" in t.title]
    assert len(tasks) == len(CHANNELS) - 1
    tasks_page = client.get(reverse("inspections:tasks", args=[people.area.code, inspection.pk]))
    assert "survey: Social media" in tasks_page.content.decode()


def test_the_social_media_message_fits_a_post(people, inspection):
    from sendready.domain.surveys.promotion import messages
    from sendready.surveys.promotion import inspectors_survey

    survey = inspectors_survey(people.area, active_inspection(people.area))
    social = next(m for m in messages(survey) if m.channel == "social_media")
    assert len(social.text) <= 280 and survey.link in social.text


def test_each_audiences_link_is_offered_through_the_registry(people, survey, settings):
    settings.SITE_URL = "https://send.example.org"
    links = survey_links(people.area)
    assert links == {"Parents and carers": f"https://send.example.org/s/{survey.slug}/"}


def test_a_survey_not_approved_offers_no_link(people, lano):
    from sendready.surveys import actions

    actions.create_survey(actor=lano, area=people.area, audience="practitioners")
    assert survey_links(people.area) == {}


def test_the_key_message_carries_each_audiences_link(people, lano, pcf, inspection, settings):
    """The area's open surveys reach the key message to families; an audience without one reads that
    the link will follow, and the inspectors' own survey stays the parents' and carers' link."""
    from sendready.documents.family_message import key_message
    from sendready.inspections.presenters import briefing_data
    from sendready.surveys.links import public_url
    from sendready.surveys.testing import open_survey

    settings.SITE_URL = "https://sendready.example.org"
    children = open_survey(people.area, lano, pcf, audience="children_young_people")
    data = briefing_data(inspection)
    assert data.children_survey_link == public_url(children)
    assert data.practitioners_survey_link == ""
    inspection.survey_link = "https://ofsted.example/survey"
    inspection.save(update_fields=["survey_link"])
    assert briefing_data(inspection).parents_survey_link == "https://ofsted.example/survey"
    urls = [getattr(block, "url", "") for block in key_message(briefing_data(inspection)).blocks]
    assert public_url(children) in urls and "https://ofsted.example/survey" in urls
