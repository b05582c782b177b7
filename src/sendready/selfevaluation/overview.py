"""What the area overview says about the self-evaluation: its gaps at a glance."""

from django.utils import timezone

from sendready.areas.access import can
from sendready.areas.models import LocalArea
from sendready.selfevaluation.access import find_self_evaluation
from sendready.selfevaluation.presenters import sef_coverage


def coverage_panel(area: LocalArea, user) -> dict | None:
    """Criteria with gaps and evidence past review, or None before the SEF is started."""
    if not can(user, "view_self_evaluation", area):
        return None
    sef = find_self_evaluation(area)
    if sef is None:
        return None
    cov = sef_coverage(sef, timezone.localdate())
    positioned = sef.entries.exclude(position="").count()
    return {
        "area": area,
        "total": len(cov.criteria),
        "positioned": positioned,
        "no_evidence": sum(1 for c in cov.criteria if c.count == 0),
        "no_lived": sum(1 for c in cov.criteria if c.count and not c.lived_experience),
        "past_review": len(cov.past_review),
    }
