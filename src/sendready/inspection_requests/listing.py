"""The rows `sendready requests` prints (JSON keys are a contract: id, title, state, owner, due,
released_at)."""

import datetime as dt

from sendready.areas.models import LocalArea
from sendready.domain.requests.due import london
from sendready.domain.requests.rules import state_label
from sendready.inspection_requests.models import InspectionRequest


def _iso(moment: dt.datetime | None) -> str | None:
    return london(moment).isoformat() if moment else None


def request_rows(
    area: LocalArea, inspection_id: int | None, overdue_only: bool, now: dt.datetime
) -> list[dict]:
    """The area's requests (of one inspection if given), due first; only the overdue if asked."""
    items = InspectionRequest.objects.for_area(area).select_related("owner")
    if inspection_id is not None:
        items = items.for_inspection(inspection_id)
    if overdue_only:
        items = items.overdue(now)
    return [
        {
            "id": item.pk,
            "title": item.title,
            "state": item.state,
            "owner": item.owner.get_username() if item.owner else None,
            "due": _iso(item.due_at),
            "released_at": _iso(item.released_at),
        }
        for item in items.order_by("due_at", "pk")
    ]


def text_line(row: dict) -> str:
    """One row for people reading the terminal: id, due (London), state, owner, title."""
    due = dt.datetime.fromisoformat(row["due"])
    return (
        f"{row['id']:>5}  {due:%a %d %b %Y %H:%M}  {state_label(row['state']):<17} "
        f"{row['owner'] or 'nobody':<15} {row['title']}"
    )
