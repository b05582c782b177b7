"""Where snapshot rows, uploads and exports live: Django's default storage (files under MEDIA_ROOT unless
STORAGES points it at an object store), so several app servers can share them.

Names stored in the database are storage names ("snapshots/E06000001/2025-03-31-run4.parquet"). A file
is written completely before any row refers to it (save, then commit); on a local disk it is first
written under a temporary name and moved into place, so a crash never leaves half a file under a real name.
"""

import io
import os
import tempfile
import uuid
from collections.abc import Iterable
from pathlib import Path

import polars as pl
from django.core.files import File
from django.core.files.storage import default_storage

SNAPSHOT_DIR = "snapshots"
UPLOAD_DIR = "uploads"
EXPORT_DIR = "exports"
TEMPORARY_DIR = ".tmp"
ROW_GROUP_ROWS = 16_384


class _LocalTemporaryFile(File):
    """A finished temporary file: FileSystemStorage moves it into place (a rename on the same disk)."""

    def temporary_file_path(self) -> str:
        return str(self.name)


def _temporary_path(suffix: str) -> Path:
    # Beside the storage's files when they are local, so the move is a rename; else the system's temp.
    folder = None
    try:
        folder = Path(default_storage.path(TEMPORARY_DIR))
        folder.mkdir(parents=True, exist_ok=True)
    except NotImplementedError:
        pass
    handle, name = tempfile.mkstemp(suffix=suffix, dir=folder)
    os.close(handle)
    return Path(name)


def save_path(name: str, path: Path) -> str:
    """Put a finished local file into storage under `name` (moved, or copied then removed); the name used."""
    try:
        with path.open("rb") as handle:
            return default_storage.save(name, _LocalTemporaryFile(handle, name=str(path)))
    finally:
        path.unlink(missing_ok=True)


def save_chunks(name: str, chunks: Iterable[bytes]) -> str:
    """Write chunks (an upload as it arrives) to a temporary file, then into storage; the name used."""
    suffix = Path(name).suffix
    temporary = _temporary_path(suffix)
    with temporary.open("wb") as out:
        for chunk in chunks:
            out.write(chunk)
    return save_path(name, temporary)


def new_upload_name(file_name: str) -> str:
    """A fresh private name for an uploaded file, keeping its extension (CSV or XLSX)."""
    suffix = Path(file_name).suffix.lower()[:6] if Path(file_name).suffix else ""
    return f"{UPLOAD_DIR}/{uuid.uuid4().hex}{suffix}"


def is_upload(name: str) -> bool:
    """True when the name is one of our temporary uploads in storage (safe to delete after the import)."""
    return name.startswith(f"{UPLOAD_DIR}/") and not os.path.isabs(name)


def read_bytes(name: str) -> bytes:
    """The whole stored file."""
    with default_storage.open(name, "rb") as handle:
        return handle.read()


def size(name: str) -> int:
    return default_storage.size(name)


def write_rows(
    frame: pl.DataFrame, area_code: str, name: str, *, in_person_order: bool = True
) -> str:
    """Write rows as Parquet (temporary file, then storage); return the storage name."""
    temporary = _temporary_path(".parquet")
    if in_person_order and "person_id" in frame.columns:
        # Stored in person_id order (the order rows pages show) in small row groups, so a page of
        # rows is one short slice of the file; the source row number keeps the file's own order.
        frame = frame.sort("person_id", maintain_order=True)
    try:
        # zstd level 1: the same size as the default level here, and faster to write.
        frame.write_parquet(
            temporary,
            compression="zstd",
            compression_level=1,
            statistics=False,
            row_group_size=ROW_GROUP_ROWS,
        )
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return save_path(f"{SNAPSHOT_DIR}/{area_code}/{name}.parquet", temporary)


def local_path(name: str) -> Path | None:
    """The file's path on this machine's disk, or None when storage is remote."""
    try:
        return Path(default_storage.path(name))
    except NotImplementedError:
        return None


def read_rows(name: str, columns: list[str] | None = None) -> pl.DataFrame:
    """The typed rows of a snapshot (all columns, or only `columns`)."""
    path = local_path(name)
    if path is not None:  # polars reads only the columns asked for straight from disk
        return pl.read_parquet(path, columns=columns)
    return pl.read_parquet(io.BytesIO(read_bytes(name)), columns=columns)


def scan_rows(name: str) -> pl.LazyFrame:
    """The snapshot's rows, lazily: on a local disk polars reads only the columns and row groups a
    query needs; from an object store the file is downloaded first."""
    path = local_path(name)
    if path is not None:
        return pl.scan_parquet(path)
    return pl.read_parquet(io.BytesIO(read_bytes(name))).lazy()


def read_positions(name: str, positions: list[int], columns: list[str]) -> pl.DataFrame:
    """The rows at these 0-based positions, in the order given, reading one slice of the file."""
    if not positions:
        return scan_rows(name).select(columns).head(0).collect()
    first = min(positions)
    block = scan_rows(name).slice(first, max(positions) - first + 1).select(columns).collect()
    return block[[p - first for p in positions]]


def remove(name: str) -> None:
    """Delete a stored file if it is there."""
    if name and not os.path.isabs(name):
        default_storage.delete(name)


def write_table(frame: pl.DataFrame, area_code: str, name: str) -> str:
    """Write one of a SEN2 return's detail tables as Parquet beside the snapshots; the storage name.

    Kept in the return's own order: nothing pages through them by person, and sorting eight tables by
    a hash took longer than checking the whole return."""
    return write_rows(frame, area_code, name, in_person_order=False)
