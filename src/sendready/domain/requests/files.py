"""Which files may be handed to inspectors: the kinds the request rules accept, checked by
sendready.domain.files like every other upload."""

from __future__ import annotations

from sendready.domain.files import (
    Accepted,
    FileRefused,
    FileType,
    accepted,
    safe_download_name,
)
from sendready.domain.files import check_file as check_any_file
from sendready.domain.requests.rules import load_rules

__all__ = ["FileRefused", "allowed_names", "check_file", "safe_download_name", "shared_files"]


def shared_files() -> Accepted:
    return accepted(load_rules().accepted_files, "shared with inspectors")


def allowed_names() -> str:
    """The accepted kinds, for hints and errors ("PDF, Word document, ...")."""
    return shared_files().names()


def check_file(name: str, size: int, head: bytes, max_bytes: int) -> FileType:
    """The file's kind, or FileRefused: wrong kind, empty, too large, or content not matching."""
    return check_any_file(name, size, head, accepted=shared_files(), max_bytes=max_bytes)
