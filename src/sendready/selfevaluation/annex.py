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

DEFAULT_FRAMEWORK = "2023-full"
END_OF_DAY = dt.time(17, 0)


def checklist_framework(inspection: ActiveInspection | None) -> str:
    """The active inspection's framework when it has an Annex A list, else the current framework."""
    if inspection is not None and has_checklist(inspection.framework):
        return inspection.framework
    return DEFAULT_FRAMEWORK


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


def inspection_panel(area: LocalArea, user, inspection: ActiveInspection) -> dict | None:
    """Completeness and overdue items on the inspection's page."""
    if not can(user, "view_self_evaluation", area):
        return None
    framework = checklist_framework(inspection)
    if not has_checklist(framework) or framework != inspection.framework:
        return None
    items = list(AnnexItem.objects.filter(area=area, framework=framework).select_related("owner"))
    now = timezone.now()
    item_rows = rows(items, inspection, now)
    return {
        "area": area,
        "started": bool(items),
        "summary": summary(item_rows, now),
        "overdue": [r for r in item_rows if r.overdue],
    }


def annex_tasks(area: LocalArea, user, inspection: ActiveInspection) -> list[ExtraTask]:
    """Each unfinished Annex A item as a task on the inspection's task list."""
    if not can(user, "view_self_evaluation", area) or not has_checklist(inspection.framework):
        return []
    now = timezone.now()
    items = AnnexItem.objects.filter(area=area, framework=inspection.framework).select_related(
        "owner"
    )
    return [
        ExtraTask(
            title=f"Annex A: {r.item.title}",
            owner=(r.item.owner.get_full_name() or r.item.owner.get_username())
            if r.item.owner
            else "",
            due_at=r.due,
            status=ITEM_STATUSES.get(r.item.status, r.item.status),
            href=reverse("selfevaluation:annex_edit", args=[area.code, r.item.pk])
            if can(user, "manage_annex_a", area)
            else reverse("selfevaluation:annex_a", args=[area.code]),
            overdue=r.overdue,
        )
        for r in rows(list(items), inspection, now)
        if r.item.status not in (READY, "not_needed")
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
            owner = (item.owner.get_full_name() or item.owner.get_username()) if item.owner else ""
            due = timezone.localtime(r.due).strftime("%d/%m/%Y %H:%M") if r.due else ""
            writer.writerow([n, item.title, owner, due, inside, item.link, item.notes])
        archive.writestr("00 index.csv", "\ufeff" + index.getvalue())
    return buffer.getvalue()
