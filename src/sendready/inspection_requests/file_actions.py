"""Files that answer a request: checked, kept in Django's storage under a private name, audited."""

import hashlib
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest

from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.requests.files import FileRefused, check_file, safe_download_name
from sendready.inspection_requests.actions import add_event, start_if_new
from sendready.inspection_requests.constants import EventKind
from sendready.inspection_requests.drafts import editable_draft
from sendready.inspection_requests.models import EvidenceFile, InspectionRequest

FOLDER = "request-files"
HEAD_BYTES = 16


def max_file_bytes() -> int:
    """The largest file accepted (a function, so a changed setting applies at once)."""
    return int(settings.REQUEST_FILE_MAX_BYTES)


def _read(upload: UploadedFile) -> tuple[bytes, str]:
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return head, digest.hexdigest()


def add_file(
    *, actor, item: InspectionRequest, upload: UploadedFile, request: HttpRequest | None = None
) -> EvidenceFile:
    """Check the file, store it, then attach it to the version being prepared (all or nothing)."""
    name = safe_download_name(upload.name or "file")
    head, sha256 = _read(upload)
    try:
        file_type = check_file(name, upload.size or 0, head, max_file_bytes())
    except FileRefused as exc:
        raise ValidationError({"file": str(exc)}) from exc
    editable_draft(item)  # refuse before storing anything
    stored = default_storage.save(
        f"{FOLDER}/{item.area.code}/{uuid.uuid4().hex}{file_type.extension}", upload
    )
    try:
        with transaction.atomic():
            item = (
                InspectionRequest.objects.select_for_update().select_related("area").get(pk=item.pk)
            )
            draft = editable_draft(item)
            evidence = EvidenceFile.objects.create(
                version=draft,
                name=name[:200],
                stored_name=stored,
                content_type=file_type.content_type,
                size=upload.size or 0,
                sha256=sha256,
                uploaded_by=actor,
            )
            start_if_new(item=item)
            add_event(
                item=item,
                actor=actor,
                kind=EventKind.FILE_ADDED,
                text=f"{evidence.name} added to version {draft.number}.",
            )
            record(
                request,
                AuditAction.CREATED,
                "request_file",
                evidence.pk,
                area=item.area,
                user=actor,
                detail=evidence.name,
            )
    except BaseException:
        default_storage.delete(
            stored
        )  # nothing refers to it: a failed attach leaves no file behind
        raise
    return evidence


def remove_file(
    *, actor, item: InspectionRequest, evidence: EvidenceFile, request: HttpRequest | None = None
) -> None:
    """Take a file out of the version being prepared; released versions keep theirs."""
    with transaction.atomic():
        item = InspectionRequest.objects.select_for_update().select_related("area").get(pk=item.pk)
        draft = editable_draft(item)
        if evidence.version_id != draft.pk:
            raise ValidationError("This file belongs to a released version and is kept as it was.")
        stored, name = evidence.stored_name, evidence.name
        evidence.delete()
        add_event(
            item=item,
            actor=actor,
            kind=EventKind.FILE_REMOVED,
            text=f"{name} removed from version {draft.number}.",
        )
        record(
            request,
            AuditAction.DELETED,
            "request_file",
            evidence.pk,
            area=item.area,
            user=actor,
            detail=name,
        )
        still_used = EvidenceFile.objects.filter(stored_name=stored).exists()
        if not still_used:
            transaction.on_commit(lambda: default_storage.delete(stored))
