"""Evidence log pages: the list with filters, add, view, edit, remove, download, pin an indicator."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.govuk_forms import add_validation_error
from sendready.selfevaluation import evidence_actions, files, presenters
from sendready.selfevaluation.access import (
    criteria_of,
    get_evidence,
    get_self_evaluation,
    may_edit_evidence,
)
from sendready.selfevaluation.evidence_forms import EvidenceForm
from sendready.selfevaluation.finding_views import live_finding, may_see_source
from sendready.selfevaluation.upload import upload_view
from sendready.selfevaluation.views import page_context


def _sef(request: HttpRequest, area: LocalArea):
    return get_self_evaluation(area)


@area_view("view_self_evaluation")
def evidence_list(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """The evidence log, filtered by criterion, type or review date."""
    sef = _sef(request, area)
    items = list(sef.evidence.select_related("owner"))
    criterion, kind, show = (request.GET.get(k, "") for k in ("criterion", "kind", "show"))
    today = timezone.localdate()
    if criterion:
        items = [e for e in items if criterion in e.criteria]
    if kind:
        items = [e for e in items if e.kind == kind]
    if show == "past_review":
        items = [e for e in items if e.review_by and e.review_by < today]
    return render(
        request,
        "selfevaluation/evidence_list.html",
        page_context(
            request,
            area,
            sef,
            "Evidence log",
            items=items,
            today=today,
            chosen={"criterion": criterion, "kind": kind, "show": show},
        ),
    )


@area_view("add_evidence")
@upload_view
def evidence_new(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Add an item to the log, with a link or an uploaded file."""
    sef = _sef(request, area)
    initial: dict[str, object] = {"owner": request.user.pk}
    if request.GET.get("criterion"):
        initial["criteria"] = [request.GET["criterion"]]
    form = EvidenceForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        area=area,
        criteria=criteria_of(sef),
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = evidence_actions.save_evidence(
                actor=request.user,
                sef=sef,
                values=form.values(),
                upload=form.cleaned_data.get("file"),
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "Evidence added to the log.")
            return redirect("selfevaluation:evidence_detail", area.code, item.pk)
    return render(
        request,
        "selfevaluation/evidence_form.html",
        page_context(request, area, sef, "Add evidence", form=form, item=None),
    )


@area_view("view_self_evaluation")
def evidence_detail(request: HttpRequest, area: LocalArea, evidence_id: int) -> HttpResponse:
    """One item: what it is, the criteria it supports, its file or link, a pinned figure then and now."""
    sef = _sef(request, area)
    item = get_evidence(sef, evidence_id)
    finding_now = live_finding(request.user, area, item) if item.finding_source else None
    return render(
        request,
        "selfevaluation/evidence_detail.html",
        page_context(
            request,
            area,
            sef,
            item.title,
            item=item,
            live=presenters.live_value(item),
            finding_now=finding_now,
            finding_gone=bool(item.finding_source)
            and finding_now is None
            and may_see_source(request.user, area, item),
            can_edit=may_edit_evidence(request.user, area, item),
            today=timezone.localdate(),
        ),
    )


@area_view("add_evidence")
@upload_view
def evidence_edit(request: HttpRequest, area: LocalArea, evidence_id: int) -> HttpResponse:
    """Change an item; a new file replaces the old one."""
    sef = _sef(request, area)
    item = get_evidence(sef, evidence_id, request.user, write=request.method == "POST")
    if not may_edit_evidence(request.user, area, item):
        # A role that adds evidence, but not this item's owner: its page says who can change it.
        return redirect("selfevaluation:evidence_detail", area.code, item.pk)
    if item.indicator_id:
        return redirect("selfevaluation:evidence_repin", area.code, item.pk)
    initial = {f: getattr(item, f) for f in evidence_actions.FIELDS}
    initial["owner"] = item.owner_id
    initial["co_produced"] = "yes" if item.co_produced else "no"
    form = EvidenceForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        area=area,
        criteria=criteria_of(sef),
    )
    if request.method == "POST" and form.is_valid():
        try:
            evidence_actions.save_evidence(
                actor=request.user,
                sef=sef,
                evidence=item,
                values=form.values(),
                upload=form.cleaned_data.get("file"),
                remove_file=request.POST.get("remove_file") == "yes",
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "Evidence saved.")
            return redirect("selfevaluation:evidence_detail", area.code, item.pk)
    return render(
        request,
        "selfevaluation/evidence_form.html",
        page_context(request, area, sef, "Change evidence", form=form, item=item),
    )


@area_view("add_evidence")
def evidence_remove(request: HttpRequest, area: LocalArea, evidence_id: int) -> HttpResponse:
    """Ask, then remove an item from the log."""
    sef = _sef(request, area)
    item = get_evidence(sef, evidence_id, request.user, write=request.method == "POST")
    if not may_edit_evidence(request.user, area, item):
        # A role that adds evidence, but not this item's owner: its page says who can change it.
        return redirect("selfevaluation:evidence_detail", area.code, item.pk)
    if request.method == "POST":
        evidence_actions.remove_evidence(actor=request.user, evidence=item, request=request)
        messages.success(request, f"Removed “{item.title}” from the evidence log.")
        return redirect("selfevaluation:evidence_list", area.code)
    return render(
        request,
        "selfevaluation/evidence_remove.html",
        page_context(request, area, sef, "Remove evidence", item=item),
    )


@area_view("view_self_evaluation")
def evidence_file(request: HttpRequest, area: LocalArea, evidence_id: int) -> FileResponse:
    """Download the item's file from storage (audited)."""
    sef = _sef(request, area)
    item = get_evidence(sef, evidence_id)
    if not item.file_path:
        raise Http404("This evidence has no file.")
    try:
        handle = files.open_stored(item.file_path)
    except FileNotFoundError as exc:
        raise Http404("The file is no longer in storage.") from exc
    record(
        request, AuditAction.EXPORTED, "evidence_file", item.pk, area=area, detail=item.file_name
    )
    return FileResponse(handle, as_attachment=True, filename=item.file_name)
