"""Evidence and Annex A files: checked for type and size, kept through Django's storage API."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile

from sendready.domain.files import HEAD_BYTES, FileRefused, accepted, check_file
from sendready.domain.text import clean_text
from sendready.selfevaluation.constants import ALLOWED_FILES

EVIDENCE_FILES = accepted(ALLOWED_FILES, "kept as evidence")


def max_bytes() -> int:
    """The largest file accepted as evidence or an Annex A document."""
    return int(getattr(settings, "SEF_UPLOAD_MAX_BYTES", 20 * 1024 * 1024))


def allowed_list() -> str:
    return EVIDENCE_FILES.names()


def check_upload(upload: UploadedFile, field: str = "file") -> None:
    """Refuse a file of a kind or size the log does not take, in words a council officer understands."""
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    try:
        check_file(
            upload.name or "",
            upload.size or 0,
            head,
            accepted=EVIDENCE_FILES,
            max_bytes=max_bytes(),
        )
    except FileRefused as exc:
        raise ValidationError({field: str(exc)}) from exc


def safe_name(name: str) -> str:
    """The file's own name without folders or control characters, for showing and downloading."""
    cleaned = clean_text(PurePath(name).name, multiline=False).replace("/", "_").replace("\\", "_")
    return cleaned[:200] or "file"


def store(upload: UploadedFile, folder: str) -> str:
    """Save the upload whole into the default storage; return its name there."""
    name = f"selfevaluation/{folder}/{uuid.uuid4().hex}{PurePath(upload.name or '').suffix.lower()}"
    upload.seek(0)
    return default_storage.save(name, File(upload))


def remove(path: str) -> None:
    """Remove a stored file if it is there (a missing file is not an error)."""
    if path and default_storage.exists(path):
        default_storage.delete(path)


def open_stored(path: str) -> File:
    return default_storage.open(path, "rb")
