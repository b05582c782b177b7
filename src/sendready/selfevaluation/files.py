"""Evidence and Annex A files: checked for type and size, kept through Django's storage API."""

import uuid
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile

from sendready.domain.text import clean_text
from sendready.selfevaluation.constants import ALLOWED_FILES

ZIP_TYPES = {".docx", ".xlsx", ".pptx", ".odt", ".ods"}
# What each kind of file starts with, so a renamed program is refused whatever its name says.
SIGNATURES = {".pdf": (b"%PDF-",), ".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",)}
SIGNATURES[".jpeg"] = SIGNATURES[".jpg"]


def max_bytes() -> int:
    """The largest file accepted as evidence or an Annex A document."""
    return int(getattr(settings, "SEF_UPLOAD_MAX_BYTES", 20 * 1024 * 1024))


def allowed_list() -> str:
    return ", ".join(sorted({ext.lstrip(".").upper() for ext in ALLOWED_FILES if ext != ".jpeg"}))


def _looks_right(ext: str, head: bytes, upload: UploadedFile) -> bool:
    if ext in SIGNATURES:
        return head.startswith(SIGNATURES[ext])
    if ext in ZIP_TYPES:
        upload.seek(0)
        return zipfile.is_zipfile(upload)
    return b"\x00" not in head  # csv and txt: text, not a binary under another name


def check_upload(upload: UploadedFile, field: str = "file") -> None:
    """Refuse a file of a type or size the log does not take, in words a council officer understands."""
    name = PurePath(upload.name or "").name
    ext = PurePath(name).suffix.lower()
    if ext not in ALLOWED_FILES:
        raise ValidationError(
            {
                field: f"{name or 'The file'} is not a type we accept. Upload one of: {allowed_list()}."
            }
        )
    limit = max_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            {
                field: f"{name} is {upload.size / 1024 / 1024:,.1f} MB. The file must be smaller than "
                f"{limit / 1024 / 1024:,.0f} MB."
            }
        )
    if upload.size == 0:
        raise ValidationError({field: f"{name} is empty. Choose the file again."})
    upload.seek(0)
    head = upload.read(16)
    ok = _looks_right(ext, head, upload)
    upload.seek(0)
    if not ok:
        raise ValidationError(
            {
                field: f"{name} does not look like a {ALLOWED_FILES[ext]}. It may be damaged or "
                "renamed; open it and save it again, then upload it."
            }
        )


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
