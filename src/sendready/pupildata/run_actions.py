"""What every import shares, whatever the file: its ImportRun recorded and audited in one transaction,
then run in the background (or now, for the console), and its progress saved step by step."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.pupildata.constants import ImportKind
from sendready.pupildata.models import ImportRun


def queue_import(
    *,
    actor,
    area: LocalArea,
    file_name: str,
    location: str,
    snapshot_date: dt.date,
    kind: str = ImportKind.LAYOUT,
    detail: str,
    background: bool = True,
    request=None,
) -> ImportRun:
    """Record the run of a file already kept at `location`, audited, and start it."""
    with transaction.atomic():
        run = ImportRun.objects.create(
            area=area,
            uploaded_by=actor,
            file_name=file_name[:255],
            upload_path=location,
            snapshot_date=snapshot_date,
            kind=kind,
        )
        record(
            request,
            AuditAction.IMPORTED,
            "pupil_import",
            run.pk,
            area=area,
            detail=detail,
            user=actor,
        )
    if background:
        from sendready.pupildata.tasks import run_import

        result = run_import.enqueue(run.pk)
        ImportRun.objects.filter(pk=run.pk).update(task_id=str(result.id))
        run.refresh_from_db()
        return run
    from sendready.pupildata.actions import process_import  # it dispatches on the run's kind

    return process_import(run_id=run.pk)


def save_progress(*, run: ImportRun, **fields) -> None:
    """Saved outside any transaction, so the progress page sees each step at once."""
    fields["updated_at"] = timezone.now()
    for name, value in fields.items():
        setattr(run, name, value)
    ImportRun.objects.filter(pk=run.pk).update(**fields)
