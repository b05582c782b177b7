"""Import pages: upload a file, watch its progress, read and download every problem."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.documents.csvout import rows_to_csv
from sendready.pupildata import actions, recovery
from sendready.pupildata.access import get_run
from sendready.pupildata.constants import ImportKind
from sendready.pupildata.forms import UploadForm
from sendready.pupildata.models import ImportRun
from sendready.pupildata.views import context
from sendready.upload_limits import accepts_upload

PROBLEMS_ON_SCREEN = 100


@accepts_upload(actions.max_upload_bytes)
@area_view("import_pupils")
@never_cache
def upload(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Choose a file and its date; the check and import run in the background."""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        run = actions.start_import(
            actor=request.user,
            area=area,
            source=upload_file,
            file_name=upload_file.name,
            snapshot_date=form.cleaned_data["snapshot_date"],
            request=request,
        )
        return redirect("pupildata:progress", area.code, run.pk)
    recent = ImportRun.objects.filter(area=area).select_related("uploaded_by")[:10]
    return render(
        request,
        "pupildata/import.html",
        context(request, area, "Import person-level data", form=form, recent=recent),
    )


def _status(area: LocalArea, run: ImportRun) -> dict:
    return {
        "status": run.status,
        "status_text": run.get_status_display(),
        "phase": run.phase,
        "phase_text": run.phase_text,
        "percent": run.percent,
        "rows_checked": run.rows_checked,
        "rows_total": run.rows_total,
        "finished": run.finished,
        "error_count": run.error_count,
        "page": reverse("pupildata:progress", args=[area.code, run.pk]),
    }


def _checked_run(area: LocalArea, run_id: int) -> ImportRun:
    """The run, after failing it if its worker died (so nobody watches it check for ever)."""
    run = get_run(area, run_id)
    if not run.finished and any(dead.pk == run.pk for dead in recovery.fail_dead_runs()):
        run.refresh_from_db()
    return run


@area_view("import_pupils")
@never_cache
def progress(request: HttpRequest, area: LocalArea, run_id: int) -> HttpResponse:
    """Progress while the file is checked; then the result, or every problem found."""
    run = _checked_run(area, run_id)
    if run.errors or run.warnings:  # problems quote children's values from the file
        record(
            request,
            AuditAction.VIEWED,
            "pupil_import",
            run.pk,
            area=area,
            detail=f"problems found in {run.file_name}",
        )
    title = {"done": "File imported", "failed": "The file was not imported"}.get(
        run.status, "Importing your file"
    )
    return render(
        request,
        "pupildata/progress.html",
        context(
            request,
            area,
            title,
            run=run,
            problems=run.errors[:PROBLEMS_ON_SCREEN],
            status=_status(area, run),
        ),
    )


@area_view("import_pupils")
def progress_json(request: HttpRequest, area: LocalArea, run_id: int) -> JsonResponse:
    """Progress as JSON, for the page to poll."""
    response = JsonResponse(_status(area, _checked_run(area, run_id)))
    response["Cache-Control"] = "no-store"
    return response


@area_view("import_pupils")
@never_cache
def problems_csv(request: HttpRequest, area: LocalArea, run_id: int) -> HttpResponse:
    """Every problem listed for the run, as CSV."""
    run = get_run(area, run_id)
    record(
        request,
        AuditAction.EXPORTED,
        "pupil_import",
        run.pk,
        area=area,
        detail=f"problems CSV for {run.file_name}",
    )
    rows = [[p.get("file"), p["row"], p["column"], p["message"]] for p in run.errors]
    rows += [
        [p.get("file"), p["row"], p["column"], f"Warning: {p['message']}"] for p in run.warnings
    ]
    heading = ["File", "Row", "Column", "Problem"]
    if run.kind != ImportKind.SEN2:  # one file: the file column would say nothing
        heading, rows = heading[1:], [r[1:] for r in rows]
    response = HttpResponse(rows_to_csv(heading, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{run.pk}-problems.csv"'
    return response
