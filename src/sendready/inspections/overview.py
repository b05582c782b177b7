"""What the area overview says about the inspection under way."""

import datetime as dt

from sendready.accounts.models import LocalArea
from sendready.domain.timeline import countdown
from sendready.inspections.models import Inspection
from sendready.inspections.presenters import as_domain, framework_title


def active_inspection_summary(area: LocalArea, now: dt.datetime) -> dict | None:
    """The active inspection with its next step and countdown, or None."""
    inspection = Inspection.objects.for_area(area).active().first()
    if inspection is None:
        return None
    upcoming = [(m, countdown(as_domain(m), now)) for m in inspection.milestones.all()]
    upcoming = [(m, c) for m, c in upcoming if c != "passed"]
    return {"inspection": inspection, "title": framework_title(inspection),
            "next": upcoming[:3]}
