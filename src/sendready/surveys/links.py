"""Each audience's survey link, offered to the key message and briefings through the registry."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from sendready.areas.models import LocalArea
from sendready.surveys.constants import Audience
from sendready.surveys.models import Survey
from sendready.surveys.submission import Availability, availability


def public_url(survey: Survey) -> str:
    """The full web address families use (SITE_URL plus the survey's random link)."""
    return settings.SITE_URL.rstrip("/") + reverse("surveys:answer", args=[survey.slug])


def audience_links(area: LocalArea, inspection_pk: int | None = None) -> dict[str, str]:
    """{audience title: link} for the area's approved surveys open now or opening later (the newest
    per audience). The area's own surveys belong to no one inspection, so `inspection_pk` only
    narrows nothing for now; it is in the signature so callers can pass it."""
    now = timezone.now()
    links: dict[str, str] = {}
    for survey in Survey.objects.for_area(area).order_by("-opens_at", "-pk"):
        title = Audience(survey.audience).label
        if title in links:
            continue
        if availability(survey, now) in (Availability.OPEN, Availability.NOT_YET_OPEN):
            links[title] = public_url(survey)
    return links
