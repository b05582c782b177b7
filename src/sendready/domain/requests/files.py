"""Which files may be handed to inspectors: by extension, checked against the file's first bytes."""

from __future__ import annotations

from pathlib import PurePath

from sendready.domain.requests.rules import FileType, load_rules


class FileRefused(ValueError):
    """A file that cannot be handed over, said in words a council officer understands."""


def allowed_names() -> str:
    """The accepted kinds, for hints and errors ("PDF, Word document, ...")."""
    seen: list[str] = []
    for ft in load_rules().file_types.values():
        if ft.name not in seen:
            seen.append(ft.name)
    return ", ".join(seen)


def check_file(name: str, size: int, head: bytes, max_bytes: int) -> FileType:
    """The file's type, or FileRefused: wrong extension, empty, too large, or content not matching."""
    extension = PurePath(name).suffix.lower()
    file_type = load_rules().file_types.get(extension)
    if file_type is None:
        raise FileRefused(
            f"{name} is not a kind of file that can be shared with inspectors. "
            f"Choose a {allowed_names()}"
        )
    if size == 0:
        raise FileRefused(f"{name} is empty")
    if size > max_bytes:
        raise FileRefused(
            f"{name} is {size / 1024 / 1024:,.1f} MB: the largest file accepted is "
            f"{max_bytes / 1024 / 1024:,.0f} MB"
        )
    if file_type.signature and not head.startswith(file_type.signature):
        raise FileRefused(
            f"{name} does not look like a {file_type.name} inside. Save it again as a "
            f"{file_type.name} and choose it again"
        )
    if not file_type.signature and b"\x00" in head:
        raise FileRefused(f"{name} is not a plain {file_type.name}")
    return file_type


def safe_download_name(name: str) -> str:
    """The file name offered on download: its last part only, without quotes or control characters."""
    base = PurePath(name.replace("\\", "/")).name
    cleaned = "".join(c for c in base if c.isprintable() and c not in '"\\/;')
    return cleaned.strip() or "file"
