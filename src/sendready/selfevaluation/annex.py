"""The Annex A checklist as its pages, the inspection's page and the task list see it."""

import csv
import datetime as dt
import zipfile
from dataclasses import dataclass
from io import BytesIO, StringIO

from django.urls import reverse
from django.utils import timezone

from sendready.areas.access import can
from sendready.areas.models import LocalArea
from sendready.areas.registry import ActiveInspection, ExtraTask
from sendready.domain.inspection.annex_a import (
    DONE,
    ITEM_STATUSES,
    READY,
    Completeness,
    completeness,
    has_checklist,
    is_overdue,
)
from sendready.domain.inspection.frameworks import load_framework
from sendready.selfevaluation import files
from sendready.selfevaluation.models import AnnexItem

END_OF_DAY = dt.time(17, 0)


def items_of(inspection: ActiveInspection) -> list[AnnexItem]:
    """The inspection's checklist, in its order."""
    return list(AnnexItem.objects.filter(inspection_id=inspection.pk).select_related("owner"))


def due_at(item: AnnexItem, inspection: ActiveInspection | None) -> dt.datetime | None:
    """When the item is due: its step's date and time on the inspection's timeline (17:00 if none)."""
    if inspection is None or item.due_step not in inspection.steps:
        return None
    step = inspection.steps[item.due_step]
    return timezone.make_aware(dt.datetime.combine(step.date, step.time or END_OF_DAY))


@dataclass
class ItemRow:
    item: AnnexItem
    due: dt.datetime | None
    overdue: bool


def rows(
    items: list[AnnexItem], inspection: ActiveInspection | None, now: dt.datetime
) -> list[ItemRow]:
    out = []
    for item in items:
        due = due_at(item, inspection)
        out.append(ItemRow(item, due, is_overdue(item.status, due, now)))
    return out


def summary(item_rows: list[ItemRow], now: dt.datetime) -> Completeness:
    return completeness(((r.item.status, r.due) for r in item_rows), now)


def step_choices(framework: str) -> list[tuple[str, str]]:
    return [(s.key, s.title) for s in load_framework(framework).steps if s.outcomes is None]


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


@dataclass
class OwedBy:
    """What one person (or nobody yet) still owes on the checklist."""

    owner: str
    outstanding: int
    overdue: int
    next_due: dt.datetime | None
    titles: list[str]


def who_owes_what(item_rows: list[ItemRow]) -> list[OwedBy]:
    """Per owner, the items not yet ready: how many, how many overdue, the next due time."""
    by_owner: dict[str, list[ItemRow]] = {}
    for r in item_rows:
        if r.item.status not in DONE:
            by_owner.setdefault(_name(r.item.owner) or "Nobody yet", []).append(r)
    owed = [
        OwedBy(
            owner,
            len(rs),
            sum(1 for r in rs if r.overdue),
            min((r.due for r in rs if r.due), default=None),
            [r.item.title for r in rs],
        )
        for owner, rs in by_owner.items()
    ]
    return sorted(owed, key=lambda o: (-o.overdue, o.owner == "Nobody yet", o.owner))


def inspection_panel(area: LocalArea, user, inspection: ActiveInspection) -> dict | None:
    """Completeness and overdue items of this inspection's checklist on the inspection's page."""
    if not can(user, "view_self_evaluation", area) or not has_checklist(inspection.framework):
        return None
    items = items_of(inspection)
    now = timezone.now()
    item_rows = rows(items, inspection, now)
    return {
        "area": area,
        "started": bool(items),
        "summary": summary(item_rows, now),
        "overdue": [r for r in item_rows if r.overdue],
    }


def annex_tasks(area: LocalArea, user, inspection: ActiveInspection) -> list[ExtraTask]:
    """Each unfinished item of the inspection's checklist as a task on its task list."""
    if not can(user, "view_self_evaluation", area) or not has_checklist(inspection.framework):
        return []
    now = timezone.now()
    return [
        ExtraTask(
            title=f"Annex A: {r.item.title}",
            owner=_name(r.item.owner),
            due_at=r.due,
            status=ITEM_STATUSES.get(r.item.status, r.item.status),
            href=reverse("selfevaluation:annex_update", args=[area.code, r.item.pk]),
            overdue=r.overdue,
        )
        for r in rows(items_of(inspection), inspection, now)
        if r.item.status not in DONE
    ]


def ready_zip(area: LocalArea, item_rows: list[ItemRow]) -> bytes:
    """Every ready item's file in one zip, with an index (CSV, opens in Excel) of every ready item."""
    buffer = BytesIO()
    index = StringIO()
    writer = csv.writer(index)
    writer.writerow(["Number", "Item", "Owner", "Due", "File in this zip", "Link", "Notes"])
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, r in enumerate([r for r in item_rows if r.item.status == READY], start=1):
            item = r.item
            inside = ""
            if item.file_path:
                inside = f"{n:02d} {files.safe_name(item.file_name)}"
                with files.open_stored(item.file_path) as handle:
                    archive.writestr(inside, handle.read())
            owner = _name(item.owner)
            due = timezone.localtime(r.due).strftime("%d/%m/%Y %H:%M") if r.due else ""
            writer.writerow([n, item.title, owner, due, inside, item.link, item.notes])
        archive.writestr("00 index.csv", "\ufeff" + index.getvalue())
    return buffer.getvalue()
