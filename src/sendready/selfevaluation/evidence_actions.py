"""Changing the evidence log: add, edit, remove, pin an indicator or another capability's finding.
Files are saved before the row."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest

from sendready.areas.models import Membership
from sendready.areas.registry import FINDING_SOURCES, find_finding, indicator_snapshots
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


def _remove_unless_shared(path: str) -> None:
    """Remove a stored file no evidence refers to any more (a SEF moved to a new criteria version
    shares its files with the one it was moved from)."""
    if not Evidence.objects.filter(file_path=path).exists():
        files.remove(path)


def _check_values(sef: SelfEvaluation, values: Mapping[str, Any], has_file: bool) -> None:
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
    if not (
        values.get("link") or has_file or values.get("indicator_id") or values.get("finding_source")
    ):
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
    pinned = (
        {"indicator_id": evidence.indicator_id, "finding_source": evidence.finding_source}
        if evidence
        else {}
    )
    _check_values(sef, {**pinned, **values}, has_file=bool(upload) or keeps_file)
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
                transaction.on_commit(lambda: _remove_unless_shared(old_path))
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
            transaction.on_commit(lambda: _remove_unless_shared(path))


def _indicator_at(sef: SelfEvaluation, indicator_id: str, as_of: dt.date | None):
    """The snapshot (the newest when `as_of` is None) and the indicator's value in it."""
    snapshots = indicator_snapshots(sef.area)
    if not snapshots:
        raise ValidationError({"indicator": "Import person-level data before pinning an indicator"})
    chosen = next((s for s in snapshots if as_of in (None, s.snapshot_date)), None)
    if chosen is None:
        raise ValidationError({"compare_from": "Choose a snapshot from the list"})
    value = chosen.values.get(indicator_id)
    if value is None:
        raise ValidationError({"indicator": "Choose an indicator from the list"})
    return chosen, value


def _pinned_values(values: Mapping[str, Any], indicator_id: str, when: dt.date, title: str):
    return {
        "kind": "aggregated_data",
        "title": values.get("title") or title,
        "summary": values.get("summary") or "",
        "evidence_date": when,
        "review_by": values.get("review_by"),
        "owner": values.get("owner"),
        "co_produced": False,
        "criteria": values.get("criteria") or [],
        "indicator_id": indicator_id,
    }


def _set_figure(item: Evidence, value, when: dt.date) -> None:
    item.indicator_title = value.title[:200]
    item.indicator_unit = value.unit[:20]
    item.indicator_value = None if value.value is None else float(value.value)
    item.indicator_as_of = when


def pin_indicator(
    *,
    actor,
    sef: SelfEvaluation,
    indicator_id: str,
    values: Mapping[str, Any],
    compare_from: dt.date | None = None,
    request: HttpRequest | None = None,
) -> Evidence:
    """Pin a person-level indicator as aggregated-data evidence, keeping its value in the chosen
    snapshot (the newest by default) so the log shows it then and in the newest snapshot now."""
    snapshot, value = _indicator_at(sef, indicator_id, compare_from)
    full = _pinned_values(values, indicator_id, snapshot.snapshot_date, value.title)
    _check_values(sef, full, has_file=False)
    with transaction.atomic():
        item = Evidence(sef=sef, created_by=actor, **full)
        _set_figure(item, value, snapshot.snapshot_date)
        clean_model_text(item)
        item.save()
        record(
            request,
            AuditAction.CREATED,
            "evidence",
            item.pk,
            area=sef.area,
            user=actor,
            detail=f"pinned indicator {indicator_id} as of {snapshot.snapshot_date.isoformat()}",
        )
    return item


def change_pinned_indicator(
    *,
    actor,
    evidence: Evidence,
    indicator_id: str,
    values: Mapping[str, Any],
    compare_from: dt.date | None = None,
    request: HttpRequest | None = None,
) -> Evidence:
    """Pin another indicator, or compare from another snapshot, and change the item's details.
    A title that was the old indicator's name follows the new indicator's."""
    if not evidence.indicator_id:
        raise ValidationError({"indicator": "This evidence is not a pinned indicator"})
    sef = evidence.sef
    snapshot, value = _indicator_at(sef, indicator_id, compare_from)
    keeps_default_title = values.get("title") in ("", None, evidence.indicator_title)
    title = value.title if keeps_default_title else values["title"]
    full = _pinned_values({**values, "title": title}, indicator_id, snapshot.snapshot_date, title)
    _check_values(sef, full, has_file=False)
    before = f"{evidence.indicator_id} as of {evidence.indicator_as_of}"
    with transaction.atomic():
        item = Evidence.objects.select_for_update().get(pk=evidence.pk)
        for name, new in full.items():
            setattr(item, name, new)
        _set_figure(item, value, snapshot.snapshot_date)
        clean_model_text(item)
        item.save()
        record(
            request,
            AuditAction.CHANGED,
            "evidence",
            item.pk,
            area=sef.area,
            user=actor,
            detail=f"pinned indicator {before} -> {indicator_id} as of "
            f"{snapshot.snapshot_date.isoformat()}",
        )
    return item


def pin_finding(
    *,
    actor,
    sef: SelfEvaluation,
    source_key: str,
    finding_key: str,
    values: Mapping[str, Any],
    request: HttpRequest | None = None,
) -> Evidence:
    """Pin another capability's finding (an audit theme, a survey result) as evidence: the log shows
    it live from its source, and keeps a copy of it as pinned."""
    source = FINDING_SOURCES.get(source_key)
    finding = find_finding(sef.area, source_key, finding_key) if source else None
    if source is None or finding is None:
        raise ValidationError({"finding": "Choose a finding from the list"})
    full = {
        "kind": source.evidence_kind,
        "title": values.get("title") or finding.title,
        "summary": values.get("summary") or finding.summary,
        "evidence_date": finding.as_of or dt.date.today(),
        "review_by": values.get("review_by"),
        "owner": values.get("owner"),
        "co_produced": False,
        "criteria": values.get("criteria") or [],
        "finding_source": source_key,
    }
    _check_values(sef, full, has_file=False)
    pinned = {
        "source": source.title,
        "title": finding.title,
        "summary": finding.summary,
        "table": [list(row) for row in finding.table],
        "as_of": finding.as_of.isoformat() if finding.as_of else "",
    }
    with transaction.atomic():
        item = Evidence(
            sef=sef, created_by=actor, finding_key=finding_key, finding_pinned=pinned, **full
        )
        clean_model_text(item)
        item.save()
        record(
            request,
            AuditAction.CREATED,
            "evidence",
            item.pk,
            area=sef.area,
            user=actor,
            detail=f"pinned finding {source_key}:{finding_key}",
        )
    return item
