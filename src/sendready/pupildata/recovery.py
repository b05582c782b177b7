"""Imports whose worker died: marked failed, their uploads removed, so nobody waits on them for ever."""

import datetime as dt
import logging
import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.pupildata import storage
from sendready.pupildata.constants import ExportStatus, RunStatus
from sendready.pupildata.models import ExportJob, ImportRun

logger = logging.getLogger(__name__)

DEAD_RUN_MESSAGE = (
    "The import stopped before it finished, so nothing was imported. This happens when the server "
    "restarts, or when a file needs more memory than the server allows. Upload the file again. If it "
    "stops again, open it in Excel, save it as 'CSV UTF-8 (Comma delimited)' and upload the CSV, or "
    "contact support with the file name and the time."
)
UNFINISHED = (RunStatus.QUEUED, RunStatus.VALIDATING, RunStatus.WRITING)
TASK_FINISHED = ("SUCCESSFUL", "FAILED")


def stale_after() -> dt.timedelta:
    """How long a run may go without progress before it counts as dead (a setting, in seconds)."""
    return dt.timedelta(seconds=settings.PUPIL_IMPORT_STALE_SECONDS)


def _is_uuid(text: str) -> bool:
    # Only the database backend's task ids are UUIDs it can look up (the immediate backend's are not).
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def dead_runs(*, now: dt.datetime | None = None, worker_id: str | None = None) -> list[ImportRun]:
    """Unfinished runs that will never finish: no progress for too long, their task ended without
    finishing them, or their task was claimed by `worker_id`, a worker that has just (re)started."""
    now = now or timezone.now()
    unfinished = list(ImportRun.objects.filter(status__in=UNFINISHED))
    tasks = {
        str(t.pk): t
        for t in DBTaskResult.objects.filter(
            pk__in=[r.task_id for r in unfinished if _is_uuid(r.task_id)]
        )
    }
    dead = []
    for run in unfinished:
        task = tasks.get(run.task_id)
        stale = run.updated_at < now - stale_after()
        task_ended = task is not None and task.status in TASK_FINISHED
        worker_restarted = (
            task is not None
            and worker_id is not None
            and task.status == "RUNNING"
            and task.worker_ids[-1:] == [worker_id]
        )
        if stale or task_ended or worker_restarted:
            dead.append(run)
    return dead


def fail_dead_runs(
    *, now: dt.datetime | None = None, worker_id: str | None = None
) -> list[ImportRun]:
    """Mark every dead run failed (saying what to do), remove its upload; return the runs."""
    failed = []
    for run in dead_runs(now=now, worker_id=worker_id):
        with transaction.atomic():
            changed = ImportRun.objects.filter(pk=run.pk, status__in=UNFINISHED).update(
                status=RunStatus.FAILED,
                phase="failed",
                finished_at=timezone.now(),
                errors=[{"row": None, "column": None, "message": DEAD_RUN_MESSAGE}],
                error_count=1,
            )
            if not changed:
                continue
            record(
                None,
                AuditAction.CHANGED,
                "pupil_import",
                run.pk,
                area=run.area,
                detail=f"{run.file_name}: marked failed, its worker stopped",
            )
        if storage.is_upload(run.upload_path):  # only after the run no longer needs it
            storage.remove(run.upload_path)
        logger.warning("Import %s marked failed: its worker stopped", run.pk)
        failed.append(run)
    return failed


def fail_dead_exports(*, now: dt.datetime | None = None) -> int:
    """Mark failed the exports with no progress for too long (their worker died); the page offers a retry."""
    cutoff = (now or timezone.now()) - stale_after()
    return ExportJob.objects.filter(
        status__in=[ExportStatus.QUEUED, ExportStatus.WRITING], updated_at__lt=cutoff
    ).update(status=ExportStatus.FAILED, finished_at=timezone.now())
