"""Background work: imports run in the db_worker process (at once in tests)."""

from django.tasks import task


@task
def run_import(run_id: int) -> None:
    """Check and store one uploaded file."""
    from sendready.pupildata.actions import process_import

    process_import(run_id=run_id)


@task
def run_export(job_id: int) -> None:
    """Write one snapshot to XLSX for download."""
    from sendready.pupildata.exports import process_export

    process_export(job_id)
