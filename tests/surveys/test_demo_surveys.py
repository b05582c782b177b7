"""The demo area has an open parents' and carers' survey with synthetic answers, an easy-read survey
with the forum, and a draft; loading the demo twice adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from sendready.surveys.models import Response, Survey
from sendready.surveys.submission import Availability, availability

pytestmark = pytest.mark.django_db


def test_the_demo_area_has_surveys_with_synthetic_answers(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=StringIO())
    parents = Survey.objects.get(audience="parents_carers")
    assert availability(parents) is Availability.OPEN
    assert parents.responses.count() == 64
    assert Survey.objects.get(audience="children_young_people").status == "in_review"
    assert Survey.objects.get(audience="practitioners").status == "draft"
    call_command("load_demo", stdout=StringIO())
    assert Survey.objects.count() == 3 and Response.objects.count() == 64
