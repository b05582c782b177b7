"""Files answering a request: add, download (never run by the browser) and remove."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.govuk_forms import add_validation_error
from sendready.inspection_requests import file_actions
from sendready.inspection_requests.access import get_request, get_request_file, require_work
from sendready.inspection_requests.forms import FileForm
from sendready.inspection_requests.models import EvidenceFile
from sendready.inspection_requests.views.requests import _again
from sendready.upload_limits import accepts_upload


def file_response(evidence: EvidenceFile) -> FileResponse:
    """The stored file as a download: our content type, attachment, no sniffing, no scripts."""
    response = FileResponse(
        default_storage.open(evidence.stored_name, "rb"),
        as_attachment=True,
        filename=evidence.name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@accepts_upload(file_actions.max_file_bytes)
@area_view("work_on_requests")
@require_POST
def file_add(request: HttpRequest, area: LocalArea, request_id: int) -> HttpResponse:
    """Attach a file to the version being prepared."""
    item = get_request(area, request_id)
    require_work(request.user, item)
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            evidence = file_actions.add_file(
                actor=request.user, item=item, upload=form.cleaned_data["file"], request=request
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, f"{evidence.name} added.")
            return redirect("inspection_requests:detail", area.code, item.pk)
    return _again(request, area, item, file_form=form, form=form)


@area_view("view_requests")
def file_download(
    request: HttpRequest, area: LocalArea, request_id: int, file_id: int
) -> FileResponse:
    """Download a file of any version (audited)."""
    evidence = get_request_file(area, request_id, file_id)
    record(
        request, AuditAction.EXPORTED, "request_file", evidence.pk, area=area, detail=evidence.name
    )
    return file_response(evidence)


@area_view("work_on_requests")
@require_POST
def file_remove(
    request: HttpRequest, area: LocalArea, request_id: int, file_id: int
) -> HttpResponse:
    """Take a file out of the version being prepared."""
    item = get_request(area, request_id)
    require_work(request.user, item)
    evidence = get_request_file(area, request_id, file_id)
    try:
        file_actions.remove_file(actor=request.user, item=item, evidence=evidence, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("inspection_requests:detail", area.code, item.pk)
    messages.success(request, f"{evidence.name} removed.")
    return redirect("inspection_requests:detail", area.code, item.pk)
