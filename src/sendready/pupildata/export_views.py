"""Background exports: watch one being written, then download it (every download audit-logged)."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.pupildata import exports, recovery
from sendready.pupildata.models import ExportJob
from sendready.pupildata.views import context

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _job(area: LocalArea, job_id: int) -> ExportJob:
    return get_object_or_404(
        ExportJob.objects.filter(area=area).select_related("snapshot"), pk=job_id
    )


@area_view("export_pupils")
@never_cache
def export_job(request: HttpRequest, area: LocalArea, job_id: int) -> HttpResponse:
    """How far the export has got; the download link once it is written."""
    job = _job(area, job_id)
    if not job.finished and recovery.fail_dead_exports():
        job.refresh_from_db()
    ready = exports.downloadable(job)
    title = (
        "Preparing the spreadsheet"
        if not job.finished
        else ("Spreadsheet ready" if ready else "The spreadsheet is not available")
    )
    return render(
        request,
        "pupildata/export_job.html",
        context(
            request,
            area,
            title,
            job=job,
            ready=ready,
            expires=(job.finished_at + exports.kept_for()) if ready and job.finished_at else None,
        ),
    )


@area_view("export_pupils")
@never_cache
def export_download(request: HttpRequest, area: LocalArea, job_id: int) -> FileResponse:
    """The written spreadsheet, streamed from storage; audit-logged."""
    job = _job(area, job_id)
    if not exports.downloadable(job):
        raise Http404("This spreadsheet is no longer kept.")
    snapshot = job.snapshot
    record(
        request,
        AuditAction.EXPORTED,
        "pupil_snapshot",
        snapshot.pk,
        area=area,
        detail=f"XLSX, {snapshot.row_count} rows as at {snapshot.snapshot_date.isoformat()} (export {job.pk})",
    )
    name = f"send-data-{area.code}-{snapshot.snapshot_date.isoformat()}.xlsx"
    return FileResponse(
        default_storage.open(job.file_name, "rb"),
        as_attachment=True,
        filename=name,
        content_type=XLSX,
    )
