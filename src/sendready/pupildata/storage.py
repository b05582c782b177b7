"""Where snapshot rows and uploads live on disk: Parquet files under MEDIA_ROOT, written atomically."""

import os
import uuid
from pathlib import Path

import polars as pl
from django.conf import settings

from sendready.domain.pupil_import import ROW_COLUMN

SNAPSHOT_DIR = "snapshots"
UPLOAD_DIR = "uploads"


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def upload_path(file_name: str) -> Path:
    """A fresh private path for an uploaded file, keeping its extension (CSV or XLSX)."""
    suffix = Path(file_name).suffix.lower()[:6] if Path(file_name).suffix else ""
    folder = media_root() / UPLOAD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{uuid.uuid4().hex}{suffix}"


def is_upload(path: Path) -> bool:
    """True when the file is one of our temporary uploads (safe to delete after the import)."""
    return path.resolve().parent == (media_root() / UPLOAD_DIR).resolve()


def write_rows(frame: pl.DataFrame, area_code: str, name: str) -> str:
    """Write rows as Parquet via a temporary name and an atomic rename; return the relative path."""
    relative = Path(SNAPSHOT_DIR) / area_code / f"{name}.parquet"
    final = media_root() / relative
    final.parent.mkdir(parents=True, exist_ok=True)
    temporary = final.with_name(f".{final.name}.{uuid.uuid4().hex}.tmp")
    try:
        # zstd level 1: the same size as the default level here, and faster to write.
        frame.write_parquet(temporary, compression="zstd", compression_level=1, statistics=False)
        os.replace(temporary, final)
    finally:
        temporary.unlink(missing_ok=True)
    return relative.as_posix()


def read_rows(relative: str, columns: list[str] | None = None) -> pl.DataFrame:
    """The typed rows of a snapshot (all columns, or only `columns`)."""
    return pl.read_parquet(media_root() / relative, columns=columns)


def remove(relative: str) -> None:
    """Delete a snapshot's file if it is there."""
    if relative:
        (media_root() / relative).unlink(missing_ok=True)


def data_columns(frame: pl.DataFrame) -> list[str]:
    """The documented columns of a stored frame (without the source row number)."""
    return [c for c in frame.columns if c != ROW_COLUMN]
