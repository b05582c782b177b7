"""Preparing a case: evidence owners and status, documents, consent and the meeting with inspectors.
Each change is one transaction with its audit entry; a document is stored before its row is written,
and removed again if the row cannot be written."""

import datetime as dt
import uuid

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest

from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.cases.models import CaseEvidenceFile, EvidenceTask, TrackedCase
from sendready.cases.uploads import check_upload
from sendready.stored_text import clean_model_text


def update_evidence(
    *,
    actor,
    task: EvidenceTask,
    owner,
    status: str,
    due_on: dt.date,
    request: HttpRequest | None = None,
) -> EvidenceTask:
    """Give an evidence item its owner, status and due day."""
    with transaction.atomic():
        task.owner = owner
        task.status = status
        task.due_on = due_on
        task.save()
        record(
            request,
            AuditAction.CHANGED,
            "case_evidence",
            task.pk,
            area=task.case.area,
            user=actor,
            detail=f"case {task.case.person_id}: {task.title}: {task.get_status_display()}, "
            f"due {due_on.isoformat()}, owner {owner.get_username() if owner else 'nobody'}",
        )
    return task


def add_document(
    *, actor, task: EvidenceTask, upload: UploadedFile, request: HttpRequest | None = None
) -> CaseEvidenceFile:
    """Keep an uploaded document (checked type and size) against an evidence item."""
    suffix = check_upload(upload)
    case = task.case
    name = default_storage.save(
        f"cases/{case.area.code}/{case.pk}/{uuid.uuid4().hex}{suffix}", upload
    )
    try:
        with transaction.atomic():
            document = CaseEvidenceFile(
                task=task,
                file_name=(upload.name or "document")[-200:],
                storage_name=name,
                size=upload.size or 0,
                uploaded_by=actor,
            )
            clean_model_text(document)
            document.save()
            record(
                request,
                AuditAction.CREATED,
                "case_document",
                document.pk,
                area=case.area,
                user=actor,
                detail=f"case {case.person_id}: {task.title}: {document.file_name}",
            )
    except BaseException:
        default_storage.delete(name)
        raise
    return document


def remove_document(
    *, actor, document: CaseEvidenceFile, request: HttpRequest | None = None
) -> None:
    """Remove a document; the stored file goes once the removal is committed."""
    case = document.task.case
    name = document.storage_name
    with transaction.atomic():
        record(
            request,
            AuditAction.DELETED,
            "case_document",
            document.pk,
            area=case.area,
            user=actor,
            detail=f"case {case.person_id}: {document.file_name}",
        )
        document.delete()
        transaction.on_commit(lambda: default_storage.delete(name))


def record_consent(
    *, actor, case: TrackedCase, values: dict, request: HttpRequest | None = None
) -> TrackedCase:
    """Who gave (or refused) consent, when and how."""
    with transaction.atomic():
        case.consent_status = values["consent_status"]
        case.consent_by = values.get("consent_by") or ""
        case.consent_on = values.get("consent_on")
        case.consent_method = values.get("consent_method") or ""
        clean_model_text(case)
        case.save()
        record(
            request,
            AuditAction.CHANGED,
            "tracked_case",
            case.pk,
            area=case.area,
            user=actor,
            detail=f"consent for {case.person_id}: {case.get_consent_status_display()}",
        )
    return case


def schedule_meeting(
    *, actor, case: TrackedCase, values: dict, request: HttpRequest | None = None
) -> TrackedCase:
    """When and where the team around the case meets inspectors."""
    with transaction.atomic():
        case.meeting_on = values["meeting_on"]
        case.meeting_start = values["meeting_start"]
        case.meeting_end = values["meeting_end"]
        case.meeting_where = values.get("meeting_where") or ""
        clean_model_text(case)
        case.save()
        record(
            request,
            AuditAction.CHANGED,
            "tracked_case",
            case.pk,
            area=case.area,
            user=actor,
            detail=f"meeting with inspectors for {case.person_id}: {case.meeting_on} "
            f"{case.meeting_start:%H:%M}",
        )
    return case
