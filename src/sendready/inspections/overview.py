"""What the area overview says about the inspection under way."""

import datetime as dt

from django.utils import timezone

from sendready.areas.access import can
from sendready.areas.models import LocalArea
from sendready.domain.inspection.timeline import countdown
from sendready.inspections.models import Inspection
from sendready.inspections.presenters import as_domain, framework_title


def active_inspection_summary(area: LocalArea, user, now: dt.datetime | None = None) -> dict | None:
    """The active inspection with its next three steps and countdowns, or None."""
    if not can(user, "view_inspection", area):
        return None
    now = now or timezone.now()
    inspection = Inspection.objects.for_area(area).active().first()
    if inspection is None:
        return None
    upcoming = [(m, countdown(as_domain(m), now)) for m in inspection.milestones.all()]
    upcoming = [(m, c) for m, c in upcoming if c != "passed"]
    return {
        "inspection": inspection,
        "title": framework_title(inspection),
        "area": area,
        "next": upcoming[:3],
    }
