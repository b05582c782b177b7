"""What the area overview and the board's summary say: counts of what is owed, by owner and organisation."""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from sendready.areas.access import can
from sendready.areas.models import LocalArea
from sendready.domain.requests.due import DUE_TODAY, OVERDUE, due_status
from sendready.inspection_requests.access import active_inspection
from sendready.inspection_requests.constants import Organisation, RequestState
from sendready.inspection_requests.models import InspectionRequest


@dataclass
class Tally:
    """Counts for one row of the board's summary (the whole board, an owner or an organisation)."""

    label: str
    key: str = ""
    overdue: int = 0
    due_today: int = 0
    waiting_review: int = 0
    open: int = 0
    released: int = 0
    items: list = field(default_factory=list)

    def add(self, item: InspectionRequest, status: str) -> None:
        self.items.append(item)
        self.overdue += status == OVERDUE
        self.due_today += status == DUE_TODAY
        self.waiting_review += item.state == RequestState.READY_FOR_REVIEW
        self.open += item.is_open
        self.released += item.state == RequestState.RELEASED


def owner_label(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "Nobody yet"


def summarise(requests: list[InspectionRequest], now: dt.datetime) -> dict:
    """The board's totals, and the same counts by owner and by organisation."""
    total = Tally("All requests")
    owners: dict[object, Tally] = {}
    organisations: dict[str, Tally] = defaultdict(lambda: Tally(""))
    for item in requests:
        status = due_status(item.due_at, item.is_open, now)
        total.add(item, status)
        owner = owners.setdefault(
            item.owner_id, Tally(owner_label(item.owner), str(item.owner_id or ""))
        )
        owner.add(item, status)
        org = organisations[item.organisation]
        org.label = Organisation(item.organisation).label if item.organisation else "Not recorded"
        org.add(item, status)
    return {
        "total": total,
        "owners": sorted(owners.values(), key=lambda t: (-t.overdue, -t.open, t.label)),
        "organisations": sorted(
            organisations.values(), key=lambda t: (-t.overdue, -t.open, t.label)
        ),
        "states": Counter(item.state for item in requests),
    }


def board_counts(area: LocalArea, user, now: dt.datetime | None = None) -> dict | None:
    """The overview panel while an inspection is live: what is overdue, due today, for review."""
    if not can(user, "view_requests", area):
        return None
    inspection = active_inspection(area)
    if inspection is None:
        return None
    now = now or timezone.now()
    items = list(InspectionRequest.objects.filter(inspection=inspection).select_related("owner"))
    summary = summarise(items, now)
    return {"area": area, "inspection": inspection, "total": summary["total"], "count": len(items)}
