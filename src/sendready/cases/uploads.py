"""What a case document may be: the kinds a tracked case keeps (checked by sendready.domain.files,
by name and by its first bytes) and its size."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from sendready.domain.files import HEAD_BYTES, FileRefused, accepted, check_file

CASE_FILES = accepted(
    (
        ".pdf",
        ".docx",
        ".doc",
        ".xlsx",
        ".xls",
        ".odt",
        ".ods",
        ".png",
        ".jpg",
        ".jpeg",
        ".txt",
        ".csv",
    ),
    "kept with a tracked case",
)


def max_bytes() -> int:
    return settings.CASE_UPLOAD_MAX_BYTES


def check_upload(upload: UploadedFile) -> str:
    """The file's extension if it is an accepted kind within the size limit; else a ValidationError."""
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    try:
        kind = check_file(
            upload.name or "", upload.size or 0, head, accepted=CASE_FILES, max_bytes=max_bytes()
        )
    except FileRefused as exc:
        raise ValidationError(str(exc)) from exc
    return kind.extension
