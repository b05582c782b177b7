"""Large person-level exports run in the background: request, write (with progress), download, expire."""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.pupildata import storage
from sendready.pupildata.constants import ExportStatus
from sendready.pupildata.models import ExportJob, Snapshot

logger = logging.getLogger(__name__)


def inline_rows() -> int:
    """Snapshots up to this many rows are exported within the request; larger ones in the background."""
    return settings.PUPIL_EXPORT_INLINE_ROWS


def kept_for() -> dt.timedelta:
    """How long a finished export stays downloadable before clean-files removes it."""
    return dt.timedelta(hours=settings.PUPIL_EXPORT_KEEP_HOURS)


def start_export(snapshot: Snapshot, user, request=None) -> ExportJob:
    """Record an export of the snapshot and queue its writing."""
    with transaction.atomic():
        job = ExportJob.objects.create(
            area=snapshot.area, snapshot=snapshot, requested_by=user, rows_total=snapshot.row_count
        )
        record(
            request,
            AuditAction.CREATED,
            "pupil_export",
            job.pk,
            area=snapshot.area,
            user=user,
            detail=f"XLSX of {snapshot.row_count} rows as at {snapshot.snapshot_date.isoformat()} requested",
        )
    from sendready.pupildata.tasks import run_export

    result = run_export.enqueue(job.pk)
    ExportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


def _update(job: ExportJob, **fields) -> None:
    fields["updated_at"] = timezone.now()
    ExportJob.objects.filter(pk=job.pk).update(**fields)


def process_export(job_id: int) -> None:
    """Write the XLSX to a temporary file, then into storage; the job then points at it."""
    from sendready.pupildata.export import snapshot_xlsx

    job = ExportJob.objects.select_related("snapshot__area").get(pk=job_id)
    if job.status != ExportStatus.QUEUED:
        return
    _update(job, status=ExportStatus.WRITING)
    name = ""
    try:
        path = snapshot_xlsx(job.snapshot, progress=lambda rows: _update(job, rows_written=rows))
        name = storage.save_path(
            f"{storage.EXPORT_DIR}/{job.area.code}/export-{job.pk}-{job.snapshot.snapshot_date}.xlsx",
            path,
        )
        _update(
            job,
            status=ExportStatus.DONE,
            file_name=name,
            rows_written=job.rows_total,
            finished_at=timezone.now(),
        )
    except Exception:
        logger.exception("Export %s failed", job.pk)
        storage.remove(name)
        _update(job, status=ExportStatus.FAILED, finished_at=timezone.now())


def downloadable(job: ExportJob, now: dt.datetime | None = None) -> bool:
    """True while a finished export's file is kept."""
    now = now or timezone.now()
    return (
        job.status == ExportStatus.DONE
        and bool(job.file_name)
        and job.finished_at is not None
        and job.finished_at > now - kept_for()
    )


def live_export_names(now: dt.datetime | None = None) -> set[str]:
    """Storage names of exports still downloadable (clean-files keeps them)."""
    cutoff = (now or timezone.now()) - kept_for()
    return set(
        ExportJob.objects.filter(status=ExportStatus.DONE, finished_at__gt=cutoff)
        .exclude(file_name="")
        .values_list("file_name", flat=True)
    )
