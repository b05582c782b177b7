"""The tracked cases panel on the area overview."""

from sendready.areas.access import can
from sendready.areas.models import LocalArea
from sendready.cases.access import is_lano
from sendready.cases.constants import CaseStatus, EvidenceStatus
from sendready.cases.models import EvidenceTask, TrackedCase


def cases_summary(area: LocalArea, user) -> dict | None:
    """How many tracked cases the person can see and how much of their evidence is still to do."""
    if not can(user, "view_cases", area):
        return None
    cases = TrackedCase.objects.for_area(area).visible_to(user, is_lano(user, area))
    tracked = cases.filter(status=CaseStatus.TRACKED)
    if not tracked.exists():
        return None
    open_items = EvidenceTask.objects.filter(case__in=tracked).exclude(status=EvidenceStatus.DONE)
    first_due = open_items.order_by("due_on").values_list("due_on", flat=True).first()
    return {
        "area": area,
        "tracked": tracked.count(),
        "open_items": open_items.count(),
        "first_due": first_due,
    }
