"""Changing the evidence log: add, edit, remove, pin an indicator. Files are saved before the row."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest

from sendready.areas.models import Membership
from sendready.areas.registry import latest_values
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.selfevaluation import files
from sendready.selfevaluation.access import criteria_of
from sendready.selfevaluation.models import Evidence, SelfEvaluation
from sendready.stored_text import clean_model_text

FIELDS = (
    "kind",
    "title",
    "summary",
    "evidence_date",
    "review_by",
    "owner",
    "co_produced",
    "criteria",
    "link",
)


def check_values(sef: SelfEvaluation, values: Mapping[str, Any], has_file: bool) -> None:
    """Refuse evidence the log cannot use, naming the box that is wrong."""
    criteria = criteria_of(sef)
    errors: dict[str, str] = {}
    chosen = list(values.get("criteria") or [])
    if not chosen:
        errors["criteria"] = "Choose at least one criterion this evidence supports"
    elif unknown := [k for k in chosen if k not in criteria.criterion_keys()]:
        errors["criteria"] = f"These are not criteria of this self-evaluation: {', '.join(unknown)}"
    if values.get("kind") not in {t.key for t in criteria.evidence_types}:
        errors["kind"] = "Choose the type of evidence"
    evidence_date, review_by = values.get("evidence_date"), values.get("review_by")
    if evidence_date and review_by and review_by < evidence_date:
        errors["review_by"] = (
            f"The review-by date must be on or after the evidence date ({evidence_date:%d/%m/%Y})"
        )
    owner = values.get("owner")
    if owner is not None and not Membership.objects.filter(area=sef.area, user=owner).exists():
        errors["owner"] = "The owner must be a member of this area"
    if not (values.get("link") or has_file or values.get("indicator_id")):
        errors["link"] = "Give a link to the evidence or upload a file"
    if errors:
        raise ValidationError(errors)


def save_evidence(
    *,
    actor,
    sef: SelfEvaluation,
    values: Mapping[str, Any],
    evidence: Evidence | None = None,
    upload: UploadedFile | None = None,
    remove_file: bool = False,
    request: HttpRequest | None = None,
) -> Evidence:
    """Add or change an evidence item; a new file replaces the old one only once the row is saved."""
    keeps_file = bool(evidence and evidence.file_path and not remove_file)
    pinned = {"indicator_id": evidence.indicator_id} if evidence else {}
    check_values(sef, {**pinned, **values}, has_file=bool(upload) or keeps_file)
    if upload is not None:
        files.check_upload(upload)
    stored = files.store(upload, "evidence") if upload is not None else ""
    old_path = evidence.file_path if evidence and (upload or remove_file) else ""
    try:
        with transaction.atomic():
            item = evidence or Evidence(sef=sef, created_by=actor)
            for name in FIELDS:
                if name in values:
                    setattr(item, name, values[name])
            item.link = values.get("link") or ""
            if upload is not None:
                item.file_path, item.file_name, item.file_size = (
                    stored,
                    files.safe_name(upload.name or ""),
                    upload.size or 0,
                )
            elif remove_file:
                item.file_path, item.file_name, item.file_size = "", "", 0
            clean_model_text(item)
            item.save()
            record(
                request,
                AuditAction.CHANGED if evidence else AuditAction.CREATED,
                "evidence",
                item.pk,
                area=sef.area,
                user=actor,
                detail=f"{item.title[:200]} ({', '.join(item.criteria)})",
            )
            if old_path:
                transaction.on_commit(lambda: files.remove(old_path))
    except Exception:
        files.remove(stored)  # the row was not written, so nothing refers to the new file
        raise
    return item


def remove_evidence(*, actor, evidence: Evidence, request: HttpRequest | None = None) -> None:
    """Remove an item from the log (its file goes once the removal is committed)."""
    path = evidence.file_path
    with transaction.atomic():
        record(
            request,
            AuditAction.DELETED,
            "evidence",
            evidence.pk,
            area=evidence.sef.area,
            user=actor,
            detail=evidence.title[:200],
        )
        evidence.delete()
        if path:
            transaction.on_commit(lambda: files.remove(path))


def pin_indicator(
    *,
    actor,
    sef: SelfEvaluation,
    indicator_id: str,
    values: Mapping[str, Any],
    request: HttpRequest | None = None,
) -> Evidence:
    """Pin a person-level indicator as aggregated-data evidence, keeping its value as of today's
    latest snapshot so the log can show it then and now."""
    latest = latest_values(sef.area)
    if latest is None:
        raise ValidationError({"indicator": "Import person-level data before pinning an indicator"})
    value = latest.values.get(indicator_id)
    if value is None:
        raise ValidationError({"indicator": "Choose an indicator from the list"})
    full = {
        "kind": "aggregated_data",
        "title": values.get("title") or value.title,
        "summary": values.get("summary") or "",
        "evidence_date": latest.snapshot_date,
        "review_by": values.get("review_by"),
        "owner": values.get("owner"),
        "co_produced": False,
        "criteria": values.get("criteria") or [],
        "indicator_id": indicator_id,
    }
    check_values(sef, full, has_file=False)
    with transaction.atomic():
        item = Evidence(sef=sef, created_by=actor, **{k: v for k, v in full.items()})
        item.indicator_title = value.title[:200]
        item.indicator_unit = value.unit[:20]
        item.indicator_value = None if value.value is None else float(value.value)
        item.indicator_as_of = latest.snapshot_date
        clean_model_text(item)
        item.save()
        record(
            request,
            AuditAction.CREATED,
            "evidence",
            item.pk,
            area=sef.area,
            user=actor,
            detail=f"pinned indicator {indicator_id} as of {latest.snapshot_date.isoformat()}",
        )
    return item


def live_value(evidence: Evidence) -> tuple[dt.date, float | int | None] | None:
    """A pinned indicator's value in the newest snapshot now, or None when it is not pinned."""
    if not evidence.indicator_id:
        return None
    latest = latest_values(evidence.sef.area)
    if latest is None or evidence.indicator_id not in latest.values:
        return None
    return latest.snapshot_date, latest.values[evidence.indicator_id].value
