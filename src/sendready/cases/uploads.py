"""What a case document may be: its type (by name and by its first bytes) and its size."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0"  # Word 97-2003 and Excel 97-2003
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF",),
    ".docx": (ZIP,),
    ".xlsx": (ZIP,),
    ".odt": (ZIP,),
    ".ods": (ZIP,),
    ".doc": (OLE,),
    ".xls": (OLE,),
    ".png": (b"\x89PNG",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".txt": (),
    ".csv": (),
}
ALLOWED_WORDS = "PDF, Word (DOCX or DOC), Excel (XLSX or XLS), OpenDocument, PNG, JPEG, text or CSV"


def max_bytes() -> int:
    return settings.CASE_UPLOAD_MAX_BYTES


def check_upload(upload: UploadedFile) -> str:
    """The file's extension if it is an allowed type within the size limit; else a ValidationError."""
    name = upload.name or ""
    suffix = Path(name).suffix.lower()
    if suffix not in SIGNATURES:
        raise ValidationError(f"{name} is not a type we keep. Upload a {ALLOWED_WORDS} file.")
    size = upload.size or 0
    if size == 0:
        raise ValidationError(f"{name} is empty.")
    if size > max_bytes():
        raise ValidationError(
            f"{name} is {size / 1024 / 1024:.1f} MB; the largest file accepted is "
            f"{max_bytes() / 1024 / 1024:.0f} MB."
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    signatures = SIGNATURES[suffix]
    if signatures and not any(head.startswith(sig) for sig in signatures):
        raise ValidationError(f"{name} does not look like a {suffix[1:].upper()} file inside.")
    if not signatures:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            if b"\x00" in head:
                raise ValidationError(f"{name} is not plain text.") from None
    return suffix
