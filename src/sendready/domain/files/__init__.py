"""What an uploaded document may be, for every capability that takes one: its kind by name, checked
against the bytes it starts with, its size, and the name it is offered under again."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import PurePath

# Enough of a file's start to hold the longest signature and to tell text from a binary.
HEAD_BYTES = 2048


class FileRefused(ValueError):
    """A file that cannot be kept, said in words a council officer understands."""


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str
    name: str
    signatures: tuple[bytes, ...]

    @property
    def is_text(self) -> bool:
        return not self.signatures


@cache
def file_types() -> dict[str, FileType]:
    """Every kind of document sendready knows, by lower-case extension (".pdf")."""
    raw = json.loads((resources.files(__package__) / "data" / "file_types.json").read_text())
    return {
        f["extension"]: FileType(
            f["extension"],
            f["content_type"],
            f["name"],
            tuple(bytes.fromhex(s) for s in f["signatures"]),
        )
        for f in raw["file_types"]
    }


@dataclass(frozen=True)
class Accepted:
    """The kinds one capability accepts, and what a refused file is refused for ("shared with
    inspectors"), so the words say where the person is."""

    extensions: tuple[str, ...]
    purpose: str

    def types(self) -> dict[str, FileType]:
        known = file_types()
        unknown = [e for e in self.extensions if e not in known]
        if unknown:
            raise ValueError(f"No such kind of file: {', '.join(unknown)}")
        return {e: known[e] for e in self.extensions}

    def names(self) -> str:
        """The accepted kinds in words, each once ("PDF, Word document, ...")."""
        seen: list[str] = []
        for file_type in self.types().values():
            if file_type.name not in seen:
                seen.append(file_type.name)
        return ", ".join(seen)


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MB"


def check_file(
    name: str, size: int, head: bytes, *, accepted: Accepted, max_bytes: int
) -> FileType:
    """The file's kind, or FileRefused: a kind not accepted, empty, too large, or content that does
    not match its name (a program renamed to .pdf, a binary named .csv)."""
    shown = PurePath(name.replace("\\", "/")).name or "The file"
    file_type = accepted.types().get(PurePath(shown).suffix.lower())
    if file_type is None:
        raise FileRefused(
            f"{shown} is not a kind of file that can be {accepted.purpose}. "
            f"Choose a {accepted.names()}."
        )
    if size == 0:
        raise FileRefused(f"{shown} is empty. Choose the file again.")
    if size > max_bytes:
        raise FileRefused(
            f"{shown} is {megabytes(size)}: the largest file accepted is "
            f"{max_bytes / 1024 / 1024:,.0f} MB."
        )
    if file_type.signatures and not any(head.startswith(s) for s in file_type.signatures):
        raise FileRefused(
            f"{shown} does not look like a {file_type.name} inside. It may be damaged or renamed: "
            f"open it, save it again as a {file_type.name} and choose it again."
        )
    if file_type.is_text and b"\x00" in head:
        raise FileRefused(f"{shown} is not a plain {file_type.name}.")
    return file_type


def safe_download_name(name: str) -> str:
    """The file name offered on download: its last part only, without quotes or control characters."""
    base = PurePath(name.replace("\\", "/")).name
    cleaned = "".join(c for c in base if c.isprintable() and c not in '"\\/;')
    return cleaned.strip()[:200] or "file"


def accepted(extensions: Iterable[str], purpose: str) -> Accepted:
    return Accepted(tuple(extensions), purpose)
