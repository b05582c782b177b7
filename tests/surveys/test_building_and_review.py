"""Building a survey from the bank, the forum's review, and a change after approval needing a new one."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sendready.areas.constants import Role
from sendready.audit.models import AuditEvent
from sendready.domain.dates.workdays import LONDON
from sendready.surveys import actions
from sendready.surveys.models import Survey
from sendready.surveys.state import current_fingerprint, is_approved
from sendready.surveys.submission import Availability, availability

pytestmark = pytest.mark.django_db


def test_a_lano_creates_a_survey_from_the_bank_through_the_page(client, people, lano):
    client.force_login(lano)
    response = client.post(
        reverse("surveys:new", args=[people.area.code]),
        {"audience": "children_young_people", "from_bank": "yes"},
    )
    survey = Survey.objects.get()
    assert response.status_code == 302
    assert survey.easy_read and len(survey.questions) == 7
    assert survey.status == "draft"
    assert AuditEvent.objects.filter(object_type="survey", action="created").count() == 1


def test_a_draft_cannot_take_answers_until_the_forum_approves(people, lano, pcf):
    survey = actions.create_survey(actor=lano, area=people.area, audience="parents_carers")
    now = dt.datetime.now(tz=LONDON)
    actions.set_window(
        actor=lano,
        survey=survey,
        opens_at=now - dt.timedelta(hours=1),
        closes_at=now + dt.timedelta(days=1),
    )
    survey.refresh_from_db()
    assert availability(survey) is Availability.UNAPPROVED
    actions.send_for_review(actor=lano, survey=survey)
    with pytest.raises(ValidationError):
        actions.record_review(
            actor=pcf,
            survey=survey,
            decision="changes_requested",
            comments=" ",
            seen_fingerprint=current_fingerprint(survey),
        )
    actions.record_review(
        actor=pcf,
        survey=survey,
        decision="changes_requested",
        comments="Question 4: say 'noticed' not 'identified'.",
        seen_fingerprint=current_fingerprint(survey),
    )
    survey.refresh_from_db()
    assert survey.status == "changes_requested"
    actions.send_for_review(actor=lano, survey=survey)
    actions.record_review(
        actor=pcf,
        survey=survey,
        decision="approved",
        comments="",
        seen_fingerprint=current_fingerprint(survey),
    )
    survey.refresh_from_db()
    assert availability(survey) is Availability.OPEN


def test_a_change_after_approval_needs_a_new_review(survey, lano):
    assert is_approved(survey)
    actions.save_question(
        actor=lano,
        survey=survey,
        key="listened_to",
        values={
            "kind": "scale",
            "scale": "agreement",
            "text": "People listen to me about my child's support.",
        },
    )
    survey.refresh_from_db()
    assert survey.status == "draft" and not is_approved(survey)
    assert availability(survey) is Availability.UNAPPROVED
    entry = AuditEvent.objects.filter(object_type="survey").order_by("-pk").first()
    assert "needs a new review" in entry.detail


def test_the_forum_cannot_approve_wording_that_changed_while_they_read_it(people, lano, pcf):
    survey = actions.create_survey(actor=lano, area=people.area, audience="practitioners")
    actions.send_for_review(actor=lano, survey=survey)
    seen = current_fingerprint(survey)
    actions.remove_question(actor=lano, survey=survey, key="training")  # back to draft
    actions.send_for_review(actor=lano, survey=survey)
    with pytest.raises(ValidationError, match="changed while you were reading"):
        actions.record_review(
            actor=pcf, survey=survey, decision="approved", comments="", seen_fingerprint=seen
        )


def test_only_a_forum_representative_may_review(client, people, lano):
    survey = actions.create_survey(actor=lano, area=people.area, audience="practitioners")
    actions.send_for_review(actor=lano, survey=survey)
    client.force_login(lano)
    assert (
        client.get(reverse("surveys:review", args=[people.area.code, survey.pk])).status_code == 403
    )
    client.force_login(people.by_role[Role.PCF_REP])
    response = client.post(
        reverse("surveys:review", args=[people.area.code, survey.pk]),
        {
            "decision": "approved",
            "comments": "",
            "fingerprint": current_fingerprint(survey),
        },
    )
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.status == "approved"


def test_a_question_written_by_the_area_is_checked_and_its_error_shown_by_its_field(
    client, people, lano
):
    survey = actions.create_survey(
        actor=lano, area=people.area, audience="practitioners", from_bank=False
    )
    client.force_login(lano)
    url = reverse("surveys:question_new", args=[people.area.code, survey.pk])
    response = client.post(
        url, {"kind": "single", "text": "Which team are you in?", "options": "Only one"}
    )
    assert response.status_code == 200
    assert "Enter at least 2 answers to choose from" in response.content.decode()
    client.post(
        url, {"kind": "single", "text": "Which team are you in?", "options": "Early years\nSchools"}
    )
    survey.refresh_from_db()
    assert survey.questions[0]["options"] == ["Early years", "Schools"]


def test_the_window_is_saved_in_london_time_and_must_close_after_it_opens(client, people, lano):
    survey = actions.create_survey(actor=lano, area=people.area, audience="parents_carers")
    client.force_login(lano)
    url = reverse("surveys:window", args=[people.area.code, survey.pk])
    dates = {
        "opens_date_day": "6",
        "opens_date_month": "7",
        "opens_date_year": "2026",
        "opens_time": "12:00",
        "closes_date_day": "10",
        "closes_date_month": "7",
        "closes_date_year": "2026",
        "closes_time": "12:00",
    }
    assert client.post(url, dates).status_code == 302
    survey.refresh_from_db()
    assert survey.opens_at == dt.datetime(2026, 7, 6, 11, 0, tzinfo=dt.UTC)  # noon BST
    response = client.post(url, {**dates, "closes_date_day": "5"})
    assert "The survey must close after it opens" in response.content.decode()


def test_a_survey_with_answers_cannot_change_its_wording(survey, lano):
    from sendready.surveys.testing import answer_survey

    answer_survey(survey, 1)
    with pytest.raises(ValidationError, match="already has answers"):
        actions.remove_question(actor=lano, survey=survey, key="one_thing")


def test_the_share_page_gives_the_link_and_the_qr_code_as_svg_and_png(client, people, survey, lano):
    import io

    from PIL import Image

    client.force_login(lano)
    page = client.get(reverse("surveys:share", args=[people.area.code, survey.pk])).content.decode()
    assert f"/s/{survey.slug}/" in page and "data:image/svg+xml" in page
    svg = client.get(reverse("surveys:qr_svg", args=[people.area.code, survey.pk]))
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    png = client.get(reverse("surveys:qr_png", args=[people.area.code, survey.pk]))
    assert Image.open(io.BytesIO(png.content)).format == "PNG"


def test_another_areas_survey_is_not_found(client, two_areas, survey):
    _, area_b = two_areas
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="b_lano"))
    assert client.get(reverse("surveys:detail", args=[area_b.code, survey.pk])).status_code == 404
