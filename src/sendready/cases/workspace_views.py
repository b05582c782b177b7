"""Preparing a case: an evidence item with its documents, consent, the meeting and the case pack."""

import tempfile

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render

from sendready.areas.access import area_view
from sendready.areas.constants import Role
from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.cases import workspace_actions
from sendready.cases.access import get_case_for_user, get_evidence_file, get_evidence_task
from sendready.cases.pack import case_pack
from sendready.cases.uploads import max_bytes
from sendready.cases.views import page
from sendready.cases.workspace_forms import CaseEvidenceForm, ConsentForm, DocumentForm, MeetingForm
from sendready.documents.case_pack import write_case_pack
from sendready.documents.case_pack_pdf import case_pack_pdf
from sendready.upload_limits import accepts_upload


def _owners(case) -> list:
    users = get_user_model().objects.filter(
        case_memberships__case=case
    ) | get_user_model().objects.filter(memberships__area=case.area, memberships__role=Role.LANO)
    return list(users.distinct().order_by("first_name", "username"))


@area_view("view_cases")
@accepts_upload(max_bytes)
def evidence_edit(
    request: HttpRequest, area: LocalArea, case_id: int, evidence_id: int
) -> HttpResponse:
    """One evidence item: its owner, status and due day, and its documents."""
    case = get_case_for_user(request, area, case_id, what="evidence")
    task = get_evidence_task(case, evidence_id)
    owners = _owners(case)
    initial = {"owner": task.owner_id, "status": task.status, "due_on": task.due_on}
    doing = request.POST.get("do")
    form = CaseEvidenceForm(
        request.POST if doing == "item" else None, initial=initial, owners=owners
    )
    upload = DocumentForm(request.POST if doing == "upload" else None, request.FILES or None)
    if doing == "item" and form.is_valid():
        data = form.cleaned_data
        owner = next((u for u in owners if u.pk == data["owner"]), None)
        workspace_actions.update_evidence(
            actor=request.user,
            task=task,
            owner=owner,
            status=data["status"],
            due_on=data["due_on"],
            request=request,
        )
        messages.success(request, f"‘{task.title}’ saved.")
        return redirect("cases:case", area.code, case.pk)
    if doing == "upload" and upload.is_valid():
        try:
            document = workspace_actions.add_document(
                actor=request.user,
                task=task,
                upload=upload.cleaned_data["document"],
                request=request,
            )
        except ValidationError as exc:
            upload.add_error("document", exc)
        else:
            messages.success(request, f"{document.file_name} uploaded.")
            return redirect("cases:evidence", area.code, case.pk, task.pk)
    if doing == "remove":
        document = get_evidence_file(case, int(request.POST.get("document") or 0))
        workspace_actions.remove_document(actor=request.user, document=document, request=request)
        messages.success(request, f"{document.file_name} removed.")
        return redirect("cases:evidence", area.code, case.pk, task.pk)
    shown = form if doing != "upload" else upload
    return render(
        request,
        "cases/evidence.html",
        page(
            request,
            area,
            f"{task.title}: case {case.person_id}",
            case=case,
            task=task,
            item_form=form,
            upload_form=upload,
            form=shown,
            max_mb=max_bytes() // (1024 * 1024),
        ),
    )


@area_view("view_cases")
def document_download(
    request: HttpRequest, area: LocalArea, case_id: int, document_id: int
) -> HttpResponseBase:
    """A case document; audited as an export."""
    case = get_case_for_user(request, area, case_id, what="document")
    document = get_evidence_file(case, document_id)
    record(
        request,
        AuditAction.EXPORTED,
        "case_document",
        document.pk,
        area=area,
        detail=f"case {case.person_id}: {document.file_name}",
    )
    return FileResponse(
        default_storage.open(document.storage_name, "rb"),
        as_attachment=True,
        filename=document.file_name,
    )


@area_view("view_cases")
def consent_edit(request: HttpRequest, area: LocalArea, case_id: int) -> HttpResponse:
    """The family's consent: who, when and how."""
    case = get_case_for_user(request, area, case_id, what="consent")
    initial = {
        "consent_status": case.consent_status,
        "consent_by": case.consent_by,
        "consent_on": case.consent_on,
        "consent_method": case.consent_method,
    }
    form = ConsentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        workspace_actions.record_consent(
            actor=request.user, case=case, values=form.cleaned_data, request=request
        )
        messages.success(request, "Consent recorded.")
        return redirect("cases:case", area.code, case.pk)
    return render(
        request,
        "cases/consent.html",
        page(request, area, f"Consent: case {case.person_id}", case=case, form=form),
    )


@area_view("manage_cases")
def meeting_edit(request: HttpRequest, area: LocalArea, case_id: int) -> HttpResponse:
    """When and where the team around the case meets inspectors."""
    case = get_case_for_user(request, area, case_id, write=True, what="meeting")
    initial = {
        "meeting_on": case.meeting_on,
        "meeting_start": case.meeting_start,
        "meeting_end": case.meeting_end,
        "meeting_where": case.meeting_where,
    }
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        workspace_actions.schedule_meeting(
            actor=request.user, case=case, values=form.cleaned_data, request=request
        )
        messages.success(request, "Meeting with inspectors saved.")
        return redirect("cases:case", area.code, case.pk)
    return render(
        request,
        "cases/meeting.html",
        page(
            request, area, f"Meeting with inspectors: case {case.person_id}", case=case, form=form
        ),
    )


@area_view("view_cases")
def pack_download(request: HttpRequest, area: LocalArea, case_id: int) -> HttpResponseBase:
    """The case pack: a zip with an index of everything in the case; audited as an export."""
    case = get_case_for_user(request, area, case_id, what="case pack")
    pack = case_pack(case)
    out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it after sending
    write_case_pack(pack, out)
    out.seek(0)
    record(
        request,
        AuditAction.EXPORTED,
        "case_pack",
        case.pk,
        area=area,
        detail=f"case {case.person_id}: zip, {len(pack.documents)} documents",
    )
    return FileResponse(
        out,
        as_attachment=True,
        filename=f"case-{case.person_id}.zip",
        content_type="application/zip",
    )


@area_view("view_cases")
def pack_pdf(request: HttpRequest, area: LocalArea, case_id: int) -> HttpResponse:
    """The case pack as one tagged PDF; audited as an export."""
    case = get_case_for_user(request, area, case_id, what="case pack PDF")
    pack = case_pack(case)
    content = case_pack_pdf(pack)
    record(
        request,
        AuditAction.EXPORTED,
        "case_pack",
        case.pk,
        area=area,
        detail=f"case {case.person_id}: PDF, {len(pack.documents)} documents listed",
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="case-{case.person_id}.pdf"'
    return response
