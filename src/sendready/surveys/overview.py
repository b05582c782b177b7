"""The surveys panel on the area overview."""

from sendready.areas.access import can
from sendready.areas.models import LocalArea
from sendready.surveys.models import Survey
from sendready.surveys.submission import Availability, availability


def surveys_panel(area: LocalArea, user) -> dict | None:
    """How many of the area's surveys are open now and waiting for the forum."""
    if not can(user, "view_surveys", area):
        return None
    surveys = list(Survey.objects.for_area(area))
    if not surveys:
        return {"area": area, "total": 0, "open": [], "in_review": 0}
    return {
        "area": area,
        "total": len(surveys),
        "open": [s for s in surveys if availability(s) is Availability.OPEN],
        "in_review": sum(s.status == "in_review" for s in surveys),
    }
