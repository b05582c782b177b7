"""Changing the area's Annex A checklist: start it from the framework's list, add, rename, remove, update."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest

from sendready.areas.models import LocalArea, Membership
from sendready.areas.registry import ActiveInspection
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.inspection.annex_a import default_checklist
from sendready.domain.inspection.frameworks import load_framework
from sendready.selfevaluation import files
from sendready.selfevaluation.access import may_update_annex_item
from sendready.selfevaluation.constants import AnnexStatus
from sendready.selfevaluation.models import AnnexItem
from sendready.stored_text import clean_model_text

FIELDS = ("title", "owner", "status", "due_step", "link", "notes")
PROGRESS_FIELDS = ("status", "link", "notes")  # what an item's owner updates


def start_checklist(
    *, actor, area: LocalArea, inspection: ActiveInspection, request: HttpRequest | None = None
) -> list[AnnexItem]:
    """Start the inspection's checklist: the area's items kept from before checklists belonged to an
    inspection if it has any, else the framework's default list. A started checklist is left alone."""
    checklist = default_checklist(inspection.framework)
    with transaction.atomic():
        mine = AnnexItem.objects.filter(inspection_id=inspection.pk)
        if not mine.exists():
            kept = AnnexItem.objects.filter(
                area=area, framework=inspection.framework, inspection=None
            )
            adopted = kept.update(inspection_id=inspection.pk)
            if not adopted:
                AnnexItem.objects.bulk_create(
                    [
                        AnnexItem(
                            area=area,
                            inspection_id=inspection.pk,
                            framework=inspection.framework,
                            key=item.key,
                            title=item.title,
                            default_title=item.title,
                            confirmed=item.confirmed,
                            source=item.source,
                            due_step=item.due_step,
                            position=n,
                        )
                        for n, item in enumerate(checklist.items)
                    ]
                )
            record(
                request,
                AuditAction.CREATED,
                "annex_a_checklist",
                inspection.pk,
                area=area,
                user=actor,
                detail=f"{adopted} items kept from before"
                if adopted
                else f"default list {inspection.framework} version {checklist.version}",
            )
    return list(mine.select_related("owner"))


def _check(area: LocalArea, framework: str, values: Mapping[str, Any], new: bool) -> None:
    errors = {}
    steps = {s.key for s in load_framework(framework).steps}
    if (new or "due_step" in values) and values.get("due_step") not in steps:
        errors["due_step"] = "Choose the step of the timeline the item is due at"
    owner = values.get("owner")
    if owner is not None and not Membership.objects.filter(area=area, user=owner).exists():
        errors["owner"] = "The owner must be a member of this area"
    if "status" in values and values["status"] not in AnnexStatus.values:
        errors["status"] = "Choose the item's status from the list"
    if errors:
        raise ValidationError(errors)


def save_item(
    *,
    actor,
    area: LocalArea,
    values: Mapping[str, Any],
    inspection: ActiveInspection | None = None,
    item: AnnexItem | None = None,
    upload: UploadedFile | None = None,
    remove_file: bool = False,
    request: HttpRequest | None = None,
) -> AnnexItem:
    """Add an item of the area's own to the inspection's checklist, or change one (then `inspection`
    may be left out); a new file replaces the old once saved."""
    if item is not None:
        framework = item.framework
    elif inspection is not None:
        framework = inspection.framework
    else:
        raise ValueError("A new Annex A item needs its inspection.")
    _check(area, framework, values, new=item is None)
    if upload is not None:
        files.check_upload(upload)
    stored = files.store(upload, "annex-a") if upload is not None else ""
    old_path = item.file_path if item and (upload or remove_file) else ""
    try:
        with transaction.atomic():
            if item is None:
                assert inspection is not None
                siblings = AnnexItem.objects.filter(inspection_id=inspection.pk)
                last = siblings.aggregate(n=Max("position"))["n"]
                item = AnnexItem(
                    area=area,
                    inspection_id=inspection.pk,
                    framework=framework,
                    position=(last or 0) + 1,
                )
                item.key = f"own-{siblings.count() + 1}"
                while siblings.filter(key=item.key).exists():
                    item.key += "x"
                created = True
            else:
                created = False
            for name in FIELDS:
                if name in values:
                    setattr(
                        item,
                        name,
                        values[name] if values[name] is not None or name == "owner" else "",
                    )
            if upload is not None:
                item.file_path, item.file_name, item.file_size = (
                    stored,
                    files.safe_name(upload.name or ""),
                    upload.size or 0,
                )
            elif remove_file:
                item.file_path, item.file_name, item.file_size = "", "", 0
            item.updated_by = actor
            clean_model_text(item)
            item.save()
            record(
                request,
                AuditAction.CREATED if created else AuditAction.CHANGED,
                "annex_a_item",
                item.pk,
                area=area,
                user=actor,
                detail=f"{item.title[:200]}: {item.status}",
            )
            if old_path:
                transaction.on_commit(lambda: files.remove(old_path))
    except Exception:
        files.remove(stored)
        raise
    return item


def update_progress(
    *,
    actor,
    item: AnnexItem,
    values: Mapping[str, Any],
    upload: UploadedFile | None = None,
    remove_file: bool = False,
    request: HttpRequest | None = None,
) -> AnnexItem:
    """The item's owner (or a LANO or senior leader) updates its status, document, link and notes."""
    if not may_update_annex_item(actor, item.area, item):
        raise PermissionDenied("Only the item's owner, a LANO or a senior leader can update it.")
    return save_item(
        actor=actor,
        area=item.area,
        item=item,
        values={k: values[k] for k in PROGRESS_FIELDS if k in values},
        upload=upload,
        remove_file=remove_file,
        request=request,
    )


def remove_item(*, actor, item: AnnexItem, request: HttpRequest | None = None) -> None:
    """Take an item off the area's checklist."""
    path = item.file_path
    with transaction.atomic():
        record(
            request,
            AuditAction.DELETED,
            "annex_a_item",
            item.pk,
            area=item.area,
            user=actor,
            detail=item.title[:200],
        )
        item.delete()
        if path:
            transaction.on_commit(lambda: files.remove(path))
