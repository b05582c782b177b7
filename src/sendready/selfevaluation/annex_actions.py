"""Changing the area's Annex A checklist: start it from the framework's list, add, rename, remove, update."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest

from sendready.areas.models import LocalArea, Membership
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.inspection.annex_a import default_checklist
from sendready.domain.inspection.frameworks import load_framework
from sendready.selfevaluation import files
from sendready.selfevaluation.models import AnnexItem
from sendready.stored_text import clean_model_text

FIELDS = ("title", "owner", "status", "due_step", "link", "notes")


def ensure_checklist(
    *, area: LocalArea, framework: str, actor, request: HttpRequest | None = None
) -> list[AnnexItem]:
    """The area's checklist for the framework, started from the framework's default list if new."""
    items = list(AnnexItem.objects.filter(area=area, framework=framework).select_related("owner"))
    if items:
        return items
    checklist = default_checklist(framework)
    with transaction.atomic():
        if not AnnexItem.objects.filter(area=area, framework=framework).exists():
            AnnexItem.objects.bulk_create(
                [
                    AnnexItem(
                        area=area,
                        framework=framework,
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
                framework,
                area=area,
                user=actor,
                detail=f"default list version {checklist.version}",
            )
    return list(AnnexItem.objects.filter(area=area, framework=framework).select_related("owner"))


def _check(area: LocalArea, framework: str, values: Mapping[str, Any]) -> None:
    errors = {}
    steps = {s.key for s in load_framework(framework).steps}
    if values.get("due_step") not in steps:
        errors["due_step"] = "Choose the step of the timeline the item is due at"
    owner = values.get("owner")
    if owner is not None and not Membership.objects.filter(area=area, user=owner).exists():
        errors["owner"] = "The owner must be a member of this area"
    if errors:
        raise ValidationError(errors)


def save_item(
    *,
    actor,
    area: LocalArea,
    framework: str,
    values: Mapping[str, Any],
    item: AnnexItem | None = None,
    upload: UploadedFile | None = None,
    remove_file: bool = False,
    request: HttpRequest | None = None,
) -> AnnexItem:
    """Add an item of the area's own, or change one; a new file replaces the old once saved."""
    _check(area, framework, values)
    if upload is not None:
        files.check_upload(upload)
    stored = files.store(upload, "annex-a") if upload is not None else ""
    old_path = item.file_path if item and (upload or remove_file) else ""
    try:
        with transaction.atomic():
            if item is None:
                last = AnnexItem.objects.filter(area=area, framework=framework).aggregate(
                    n=Max("position")
                )["n"]
                item = AnnexItem(area=area, framework=framework, position=(last or 0) + 1)
                item.key = (
                    f"own-{AnnexItem.objects.filter(area=area, framework=framework).count() + 1}"
                )
                while AnnexItem.objects.filter(
                    area=area, framework=framework, key=item.key
                ).exists():
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
