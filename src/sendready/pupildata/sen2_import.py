"""Importing a SEN2 return (Blade CSVs, their zip, or the XML) as a snapshot, in the background.

The return is checked as a whole; any error stores nothing. Persons are hashed under the area's key
before anything is written (names, UPNs, ULNs and postcodes never reach storage). The snapshot's rows
come from SEN2 alone, or, when a snapshot of our own layout exists for the same date, from both joined on
the hashed person. SEN2's detail tables are stored beside the snapshot for DfE's own definitions.
"""

import datetime as dt
import logging
import os
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import polars as pl
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.person_level.indicators import compute_indicators
from sendready.domain.sen2.importing import Sen2Import, import_return
from sendready.domain.sen2.mapping import SEN2_COLUMNS, combine, rows_from_sen2
from sendready.domain.sen2.problems import Sen2Problem
from sendready.domain.sen2.pseudonym import area_secret
from sendready.domain.sen2.tables import Sen2Tables
from sendready.pupildata import storage
from sendready.pupildata.constants import ImportKind, RunStatus, SnapshotOrigin
from sendready.pupildata.models import ImportRun, Snapshot
from sendready.pupildata.run_actions import queue_import, save_progress

logger = logging.getLogger(__name__)
FAILED = (
    "Something went wrong while importing this return, and nothing was imported. Try again; if it "
    "happens again, contact support with the file name and time."
)


def person_hash_secret(area: LocalArea) -> bytes:
    """The area's key for hashing UPNs and ULNs (derived from the deployment's PERSON_HASH_KEY)."""
    return area_secret(settings.PERSON_HASH_KEY, area.code)


def max_upload_bytes() -> int:
    return int(getattr(settings, "SEN2_UPLOAD_MAX_BYTES", 1024 * 1024 * 1024))


def _bundle(files: list[UploadedFile]) -> tuple[str, str]:
    """One stored upload for the run: a zip or XML as it came, or several CSVs put in one zip."""
    names = [upload.name or f"file{i + 1}.csv" for i, upload in enumerate(files)]
    if len(files) == 1 and names[0].lower().endswith((".zip", ".xml")):
        return names[0], storage.save_chunks(storage.new_upload_name(names[0]), files[0].chunks())
    # Several CSVs go into one zip on disk (not in memory: a national return is hundreds of MB).
    handle, temporary = tempfile.mkstemp(suffix=".zip")
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            for name, upload in zip(names, files, strict=True):
                with archive.open(Path(name).name, "w", force_zip64=True) as member:
                    for chunk in upload.chunks():
                        member.write(chunk)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    label = f"{len(files)} files ({Path(names[0]).name}, ...)"
    return label, storage.save_path(storage.new_upload_name("return.zip"), Path(temporary))


def start_sen2_import(
    *,
    actor,
    area: LocalArea,
    files: list[UploadedFile] | Path,
    snapshot_date: dt.date,
    background: bool = True,
    request=None,
) -> ImportRun:
    """Save the return, record an ImportRun and run it in the background (or now, for the console).

    `files` is the uploaded files (zip, XML, or the nine CSVs), or a local zip, XML or folder of CSVs."""
    if isinstance(files, Path):
        file_name, location = files.name, str(files.resolve())
    else:
        file_name, location = _bundle(files)
    return queue_import(
        actor=actor,
        area=area,
        file_name=file_name,
        location=location,
        snapshot_date=snapshot_date,
        kind=ImportKind.SEN2,
        detail=f"SEN2 return {file_name} as at {snapshot_date.isoformat()}",
        background=background,
        request=request,
    )


def _files(location: str) -> Sequence[tuple[str, Path | bytes]]:
    path = Path(location) if Path(location).is_absolute() else storage.local_path(location)
    if path is None:
        return [(location, storage.read_bytes(location))]
    if path.is_dir():
        csvs = [(p.name, p) for p in sorted(path.iterdir()) if p.suffix.lower() == ".csv"]
        return csvs or [(p.name, p) for p in sorted(path.iterdir()) if p.suffix.lower() == ".xml"]
    return [(path.name, path)]


def _problems(items: list[Sen2Problem]) -> list[dict]:
    return [asdict(p) for p in items]


def process_sen2_import(*, run_id: int) -> ImportRun:
    """Read, check, hash and store one return; a return with any error stores nothing."""
    run = ImportRun.objects.select_related("area").get(pk=run_id)
    if run.status != RunStatus.QUEUED:
        return run
    save_progress(run=run, status=RunStatus.VALIDATING, phase="reading", started_at=timezone.now())
    try:
        save_progress(run=run, phase="checking")
        result = import_return(
            _files(run.upload_path),
            secret=person_hash_secret(run.area),
            today=min(run.snapshot_date, timezone.localdate()),
            max_bytes=max_upload_bytes(),
        )
        save_progress(run=run, rows_total=result.rows_checked, rows_checked=result.rows_checked)
        if not result.ok:
            _fail(run, result.errors, result.error_count, result.warnings)
        else:
            assert result.tables is not None
            _store(run, result)
    except Exception:
        logger.exception("SEN2 import %s failed", run.pk)
        _fail(run, [Sen2Problem(None, None, None, FAILED)], 1, [])
    finally:
        if storage.is_upload(run.upload_path):
            storage.remove(run.upload_path)
    return run


def _fail(
    run: ImportRun, errors: list[Sen2Problem], count: int, warnings: list[Sen2Problem]
) -> None:
    save_progress(
        run=run,
        status=RunStatus.FAILED,
        phase="failed",
        errors=_problems(errors),
        error_count=max(count, len(errors)),
        warnings=_problems(warnings),
        finished_at=timezone.now(),
    )


def layout_rows_of(snapshot: Snapshot) -> pl.DataFrame:
    """Our layout's rows inside an existing snapshot: all of them for a layout snapshot; for a joined
    one, every row but those that came from the earlier SEN2 return alone (nothing from our layout)."""
    rows = storage.read_rows(snapshot.data_path)
    if snapshot.source != SnapshotOrigin.BOTH or "persons" not in snapshot.sen2_tables:
        return rows
    sen2_people = storage.read_rows(snapshot.sen2_tables["persons"], columns=["person_id"])
    ours = [c for c in rows.columns if c not in (*SEN2_COLUMNS, "person_id", "_source_row")]
    from_sen2_only = pl.col("person_id").is_in(
        sen2_people["person_id"].implode()
    ) & pl.all_horizontal(pl.col(c).is_null() for c in ours)
    return rows.filter(~from_sen2_only)


def _store(run: ImportRun, result: Sen2Import) -> None:
    tables = result.tables
    assert tables is not None
    save_progress(run=run, phase="indicators")
    rows = rows_from_sen2(tables, run.snapshot_date)
    old = Snapshot.objects.filter(area=run.area, snapshot_date=run.snapshot_date).first()
    source = SnapshotOrigin.SEN2
    if old is not None and old.source in (SnapshotOrigin.LAYOUT, SnapshotOrigin.BOTH):
        rows = combine(rows, layout_rows_of(old))
        source = SnapshotOrigin.BOTH
    figures = compute_indicators(rows, run.snapshot_date).to_dict()
    save_progress(run=run, status=RunStatus.WRITING, phase="writing")
    stem = f"{run.snapshot_date}-run{run.pk}"
    written: list[str] = []
    try:
        written.append(storage.write_rows(rows, run.area.code, stem))
        detail = {}
        for name, frame in tables.frames.items():
            detail[name] = storage.write_table(frame, run.area.code, f"{stem}-sen2-{name}")
            written.append(detail[name])
        with transaction.atomic():
            if old is not None:
                replace_snapshot(old, run)
            snapshot = Snapshot.objects.create(
                area=run.area,
                snapshot_date=run.snapshot_date,
                file_name=run.file_name,
                uploaded_by=run.uploaded_by,
                row_count=rows.height,
                data_path=written[0],
                indicators=figures,
                source=source,
                sen2_tables=detail,
            )
            ImportRun.objects.filter(pk=run.pk).update(
                status=RunStatus.DONE,
                phase="done",
                snapshot=snapshot,
                finished_at=timezone.now(),
                warnings=_problems(result.warnings),
                rows_checked=result.rows_checked,
            )
    except Exception:
        for name in written:
            storage.remove(name)
        raise
    run.refresh_from_db()


def replace_snapshot(
    old: Snapshot, run: ImportRun, keep: frozenset[str] | set[str] = frozenset()
) -> None:
    """Delete the snapshot a new import replaces (inside the caller's transaction), files after commit."""
    names = [old.data_path, *old.sen2_tables.values()]
    with transaction.atomic():
        record(
            None,
            AuditAction.DELETED,
            "pupil_snapshot",
            old.pk,
            area=run.area,
            user=run.uploaded_by,
            detail=f"{old.snapshot_date} replaced by import {run.pk}",
        )
        old.delete()
        transaction.on_commit(lambda: remove_all(n for n in names if n not in keep))


def remove_all(names) -> None:
    """Delete stored files (after the transaction that stopped referring to them)."""
    for name in names:
        storage.remove(name)


def stored_tables(snapshot: Snapshot) -> Sen2Tables:
    """A snapshot's SEN2 detail tables, read back (for DfE's definitions, or to join a new layout file)."""
    frames = {name: storage.read_rows(path) for name, path in snapshot.sen2_tables.items()}
    return Sen2Tables(reference_date=None, la_code=None, frames=frames)


def with_stored_sen2(
    old: Snapshot | None, layout_rows: pl.DataFrame, snapshot_date: dt.date
) -> tuple[pl.DataFrame, str, dict]:
    """A new layout file's rows, joined with the SEN2 return already stored for the same date if any."""
    if old is None or not old.sen2_tables:
        return layout_rows, SnapshotOrigin.LAYOUT, {}
    sen2_rows = rows_from_sen2(stored_tables(old), snapshot_date)
    return combine(sen2_rows, layout_rows), SnapshotOrigin.BOTH, dict(old.sen2_tables)


def import_sen2_path(*, actor, area: LocalArea, path: Path, snapshot_date: dt.date) -> ImportRun:
    """Import a return on disk now (console, demo, benchmark): the same checks and storage as the web."""
    return start_sen2_import(
        actor=actor, area=area, files=Path(path), snapshot_date=snapshot_date, background=False
    )
