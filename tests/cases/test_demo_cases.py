"""The demo area has a practice sample with a team, a pen portrait, audits and one moderated case."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_the_demo_area_has_tracked_cases_with_audits_and_an_agreed_grade(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    from sendready.cases.models import CaseAudit, CaseSelection, Moderation, TrackedCase

    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # a second load leaves the sample as it was
    selection = CaseSelection.objects.get(area__code="E99999901")
    assert selection.cases.filter(status="tracked").count() == 6
    first = TrackedCase.objects.get(selection=selection, position=0, status="tracked")
    assert first.pen_portrait and first.chronology.count() == 4 and first.consent_status == "given"
    assert CaseAudit.objects.filter(case__selection=selection, status="submitted").count() == 3
    assert Moderation.objects.get(case=first).overall_grade == "good"
