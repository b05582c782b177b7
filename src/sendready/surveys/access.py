"""Finding a survey: inside the person's area for the builder and results pages, by its public link
for families."""

from django.http import Http404

from sendready.areas.models import LocalArea
from sendready.surveys.models import Survey


def get_survey(area: LocalArea, survey_id: int) -> Survey:
    """The area's survey, or 404 (another area's survey is never found)."""
    survey = Survey.objects.for_area(area).filter(pk=survey_id).first()
    if survey is None:
        raise Http404("No such survey in this local area.")
    return survey


def get_public_survey(slug: str) -> Survey:
    """The survey behind a public link, or 404."""
    survey = Survey.objects.select_related("area").filter(slug=slug).first()
    if survey is None:
        raise Http404("No survey has this link.")
    return survey
