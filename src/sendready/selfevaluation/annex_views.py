"""Annex A pages: the checklist with completeness, add, change or remove items, files, the ready zip."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sendready.areas.access import area_view, can
from sendready.areas.models import LocalArea
from sendready.areas.registry import ActiveInspection, active_inspection
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.inspection.annex_a import default_checklist, has_checklist
from sendready.domain.inspection.frameworks import load_framework
from sendready.govuk_forms import add_validation_error
from sendready.selfevaluation import annex, annex_actions, files
from sendready.selfevaluation.access import get_annex_item, may_update_annex_item
from sendready.selfevaluation.annex_forms import AnnexItemForm, AnnexProgressForm
from sendready.selfevaluation.models import AnnexItem
from sendready.selfevaluation.upload import upload_view


def _context(request: HttpRequest, area: LocalArea, title: str, **extra) -> dict:
    return {
        "title": title,
        "area": area,
        "active_nav": "self_evaluation",
        "can_manage_annex": can(request.user, "manage_annex_a", area),
        "can_export_annex": can(request.user, "export_annex_a", area),
        **extra,
    }


def _inspection(area: LocalArea) -> ActiveInspection | None:
    """The area's active inspection (live or practice) when its framework has an Annex A list."""
    inspection = active_inspection(area)
    if inspection is None or not has_checklist(inspection.framework):
        return None
    return inspection


def _started(area: LocalArea) -> tuple[ActiveInspection, list[AnnexItem]]:
    """The active inspection and its checklist; 404 with the reason when there is none yet."""
    inspection = _inspection(area)
    if inspection is None:
        raise Http404("Annex A belongs to an inspection: record the area's inspection first.")
    items = annex.items_of(inspection)
    if not items:
        raise Http404("This inspection's Annex A checklist has not been started yet.")
    return inspection, items


@area_view("view_self_evaluation")
def checklist(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """The active inspection's items with owner, due time, status and document; completeness,
    overdue items and who owes what at the top."""
    inspection = _inspection(area)
    items = annex.items_of(inspection) if inspection else []
    now = timezone.now()
    item_rows = annex.rows(items, inspection, now)
    framework = inspection.framework if inspection else None
    return render(
        request,
        "selfevaluation/annex_a.html",
        _context(
            request,
            area,
            "Annex A checklist",
            inspection=inspection,
            any_inspection=active_inspection(area),
            rows=item_rows,
            summary=annex.summary(item_rows, now),
            owed=annex.who_owes_what(item_rows),
            framework_title=load_framework(framework).title if framework else "",
            defaults=default_checklist(framework) if framework else None,
            steps=dict(annex.step_choices(framework)) if framework else {},
            me=request.user.pk,
        ),
    )


@area_view("manage_annex_a")
@require_POST
def start(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Start the active inspection's checklist from the framework's list."""
    inspection = _inspection(area)
    if inspection is None:
        raise Http404("Annex A belongs to an inspection: record the area's inspection first.")
    annex_actions.start_checklist(
        actor=request.user, area=area, inspection=inspection, request=request
    )
    messages.success(request, "Annex A checklist started.")
    return redirect("selfevaluation:annex_a", area.code)


def _form_page(request: HttpRequest, area: LocalArea, item=None) -> HttpResponse:
    inspection, _ = _started(area)
    framework = item.framework if item else inspection.framework
    initial = (
        {f: getattr(item, f) for f in annex_actions.FIELDS} | {"owner": item.owner_id}
        if item
        else {"due_step": "annex_a", "status": "to_do"}
    )
    form = AnnexItemForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        area=area,
        steps=annex.step_choices(framework),
    )
    if request.method == "POST" and form.is_valid():
        try:
            annex_actions.save_item(
                actor=request.user,
                area=area,
                inspection=inspection,
                values=form.values(),
                item=item,
                upload=form.cleaned_data.get("file"),
                remove_file=request.POST.get("remove_file") == "yes",
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "Annex A item saved.")
            return redirect("selfevaluation:annex_a", area.code)
    title = "Change an Annex A item" if item else "Add an item of the area's own"
    return render(
        request,
        "selfevaluation/annex_item.html",
        _context(request, area, title, form=form, item=item),
    )


@area_view("manage_annex_a")
@upload_view
def item_new(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Add an item the framework's list does not have."""
    return _form_page(request, area)


@area_view("manage_annex_a")
@upload_view
def item_edit(request: HttpRequest, area: LocalArea, item_id: int) -> HttpResponse:
    """Rename an item, give it an owner, change its status, attach its document or link."""
    return _form_page(request, area, get_annex_item(area, item_id))


@area_view("manage_annex_a")
def item_remove(request: HttpRequest, area: LocalArea, item_id: int) -> HttpResponse:
    """Ask, then take an item off the area's checklist."""
    item = get_annex_item(area, item_id)
    if request.method == "POST":
        annex_actions.remove_item(actor=request.user, item=item, request=request)
        messages.success(request, f"Removed “{item.title}” from the checklist.")
        return redirect("selfevaluation:annex_a", area.code)
    return render(
        request,
        "selfevaluation/annex_remove.html",
        _context(request, area, "Remove an Annex A item", item=item),
    )


@area_view("view_self_evaluation")
@upload_view
def item_update(request: HttpRequest, area: LocalArea, item_id: int) -> HttpResponse:
    """One item; its owner (or a LANO or senior leader) updates its status, document and link.
    Everyone else who can see the self-evaluation reads it here."""
    item = get_annex_item(area, item_id)
    allowed = may_update_annex_item(request.user, area, item)
    if request.method == "POST" and not allowed:
        raise PermissionDenied("Only the item's owner, a LANO or a senior leader can update it.")
    form = AnnexProgressForm(
        request.POST or None,
        request.FILES or None,
        initial={f: getattr(item, f) for f in annex_actions.PROGRESS_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            annex_actions.update_progress(
                actor=request.user,
                item=item,
                values=form.cleaned_data,
                upload=form.cleaned_data.get("file"),
                remove_file=request.POST.get("remove_file") == "yes",
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, f"“{item.title}” updated.")
            return redirect("selfevaluation:annex_a", area.code)
    inspection = active_inspection(area)
    due = (
        annex.due_at(item, inspection)
        if inspection and inspection.pk == item.inspection_id
        else None
    )
    return render(
        request,
        "selfevaluation/annex_update.html",
        _context(
            request,
            area,
            item.title,
            item=item,
            form=form if allowed else None,
            due=due,
            step=dict(annex.step_choices(item.framework)).get(item.due_step, item.due_step),
        ),
    )


@area_view("view_self_evaluation")
def item_file(request: HttpRequest, area: LocalArea, item_id: int) -> FileResponse:
    """Download an item's document (audited)."""
    item = get_annex_item(area, item_id)
    if not item.file_path:
        raise Http404("This item has no document.")
    try:
        handle = files.open_stored(item.file_path)
    except FileNotFoundError as exc:
        raise Http404("The document is no longer in storage.") from exc
    record(request, AuditAction.EXPORTED, "annex_a_item", item.pk, area=area, detail=item.file_name)
    return FileResponse(handle, as_attachment=True, filename=item.file_name)


@area_view("export_annex_a")
def ready_zip(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Everything marked ready, in one zip with an index (audited)."""
    inspection, items = _started(area)
    item_rows = annex.rows(items, inspection, timezone.now())
    body = annex.ready_zip(area, item_rows)
    ready = sum(1 for r in item_rows if r.item.status == "ready")
    record(
        request, AuditAction.EXPORTED, "annex_a_zip", "", area=area, detail=f"{ready} ready items"
    )
    response = HttpResponse(body, content_type="application/zip")
    name = f"{area.code}-annex-a-{timezone.localdate().isoformat()}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
