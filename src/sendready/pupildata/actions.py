"""The only ways person-level data changes: start an import, run it, remove a snapshot."""

import datetime as dt
import logging
import os
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.person_level.indicators import compute_indicators
from sendready.domain.person_level.reading import (
    Problem,
    TableReadError,
    ValidationResult,
    read_table_with_notes,
    validate,
)
from sendready.pupildata import storage
from sendready.pupildata.constants import ImportKind, RunStatus
from sendready.pupildata.models import ImportRun, Snapshot
from sendready.pupildata.run_actions import queue_import, save_progress
from sendready.pupildata.sen2_import import (
    person_hash_secret,
    process_sen2_import,
    remove_all,
    replace_snapshot,
    with_stored_sen2,
)

logger = logging.getLogger(__name__)


def max_upload_bytes() -> int:
    return int(getattr(settings, "PUPIL_UPLOAD_MAX_BYTES", 200 * 1024 * 1024))


def start_import(
    *,
    actor,
    area: LocalArea,
    source: UploadedFile | Path | str,
    file_name: str,
    snapshot_date: dt.date,
    background: bool = True,
    request=None,
) -> ImportRun:
    """Save the file, record an ImportRun and run it in the background (or now, for the console).

    `source` is an upload (saved into storage), a local file read in place (console), or the storage
    name of an upload saved already (`copy_for_import`)."""
    if isinstance(source, Path):
        location = str(source.resolve())
    elif isinstance(source, str):
        location = source
    else:
        location = storage.save_chunks(storage.new_upload_name(file_name), source.chunks())
    return queue_import(
        actor=actor,
        area=area,
        file_name=file_name,
        location=location,
        snapshot_date=snapshot_date,
        detail=f"{file_name} as at {snapshot_date.isoformat()}",
        background=background,
        request=request,
    )


def _problems(items: list[Problem]) -> list[dict]:
    return [asdict(p) for p in items]


def process_import(*, run_id: int) -> ImportRun:
    """Read, check and store one file; a file with any error stores nothing. Never raises for bad data."""
    run = ImportRun.objects.select_related("area").get(pk=run_id)
    if run.kind == ImportKind.SEN2:
        return process_sen2_import(run_id=run_id)
    if run.status != RunStatus.QUEUED:
        return run
    save_progress(run=run, status=RunStatus.VALIDATING, phase="reading", started_at=timezone.now())
    try:
        result = _validate(run, _source(run.upload_path))
        if not result.ok:
            _fail(run, result)
        else:
            _store(run, result)
    except Exception:
        logger.exception("Import %s failed", run.pk)
        _fail(
            run,
            ValidationResult.failed(
                Problem(
                    None,
                    None,
                    (
                        "Something went wrong while importing this file, and nothing was imported. "
                        "Try again; if it happens again, contact support with the file name and time."
                    ),
                )
            ),
        )
    finally:
        if storage.is_upload(run.upload_path):
            storage.remove(run.upload_path)
    return run


def _source(location: str) -> Path | bytes:
    """A local file to read in place, or a stored upload (from its local path when storage is local)."""
    if os.path.isabs(location):
        return Path(location)
    local = storage.local_path(location)
    return local if local is not None else storage.read_bytes(location)


def _validate(run: ImportRun, source: Path | bytes) -> ValidationResult:
    try:
        read = read_table_with_notes(source, run.file_name, max_bytes=max_upload_bytes())
    except TableReadError as exc:
        return ValidationResult.failed(Problem(row=None, column=None, message=exc.message))
    save_progress(run=run, phase="checking", rows_total=read.frame.height)
    # Ages and "not in the future" are judged as at the snapshot date, the date the figures describe.
    # UPNs as person IDs are hashed with the area's key (as a SEN2 return's persons are), never stored.
    result = validate(
        read.frame,
        min(run.snapshot_date, timezone.localdate()),
        upn_secret=person_hash_secret(run.area),
    )
    del read.frame
    result.warnings[:0] = [Problem(row=None, column=None, message=w) for w in read.warnings]
    save_progress(run=run, rows_checked=result.rows_checked or run.rows_total)
    return result


def _fail(run: ImportRun, result: ValidationResult) -> None:
    save_progress(
        run=run,
        status=RunStatus.FAILED,
        phase="failed",
        errors=_problems(result.errors),
        error_count=max(result.error_count, len(result.errors)),
        warnings=_problems(result.warnings),
        finished_at=timezone.now(),
    )


def _store(run: ImportRun, result: ValidationResult) -> None:
    save_progress(run=run, phase="indicators")
    old = Snapshot.objects.filter(area=run.area, snapshot_date=run.snapshot_date).first()
    # A SEN2 return stored for the same date is joined with this file (its tables are kept).
    rows, source, sen2_tables = with_stored_sen2(old, result.rows, run.snapshot_date)
    figures = compute_indicators(rows, run.snapshot_date).to_dict()
    save_progress(run=run, status=RunStatus.WRITING, phase="writing")
    relative = storage.write_rows(rows, run.area.code, f"{run.snapshot_date}-run{run.pk}")
    try:
        with transaction.atomic():
            if old is not None:
                replace_snapshot(old, run, keep=set(sen2_tables.values()))
            snapshot = Snapshot.objects.create(
                area=run.area,
                snapshot_date=run.snapshot_date,
                file_name=run.file_name,
                uploaded_by=run.uploaded_by,
                row_count=rows.height,
                data_path=relative,
                indicators=figures,
                source=source,
                sen2_tables=sen2_tables,
            )
            ImportRun.objects.filter(pk=run.pk).update(
                status=RunStatus.DONE,
                phase="done",
                snapshot=snapshot,
                finished_at=timezone.now(),
                warnings=_problems(result.warnings),
                rows_checked=result.rows.height,
            )
    except Exception:
        storage.remove(relative)
        raise
    run.refresh_from_db()


def import_path(*, actor, area: LocalArea, path: Path, snapshot_date: dt.date) -> ImportRun:
    """Import a file on disk now (console, demo, benchmark): the same checks and storage as the web."""
    return start_import(
        actor=actor,
        area=area,
        source=Path(path),
        file_name=Path(path).name,
        snapshot_date=snapshot_date,
        background=False,
    )


def copy_for_import(*, path: Path) -> str:
    """A private copy of a file in storage (its name), deleted after its import; the original is untouched."""
    with path.open("rb") as handle:
        return storage.save_chunks(
            storage.new_upload_name(path.name), iter(lambda: handle.read(1 << 20), b"")
        )


def remove_snapshot(*, actor, snapshot: Snapshot, request=None) -> None:
    """Delete a snapshot and its rows (and the SEN2 return's tables stored with it)."""
    names = [snapshot.data_path, *snapshot.sen2_tables.values()]
    with transaction.atomic():
        record(
            request,
            AuditAction.DELETED,
            "pupil_snapshot",
            snapshot.pk,
            area=snapshot.area,
            detail=str(snapshot.snapshot_date),
            user=actor,
        )
        snapshot.delete()
        transaction.on_commit(lambda: remove_all(names))
