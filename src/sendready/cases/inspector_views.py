"""Inspectors' read-only view of the tracked cases named for their inspection: the list and each case's
pack as a PDF, only while their access is open, every view and download audited."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from sendready.areas.registry import InspectorWindow, inspector_window
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.cases.constants import CaseStatus
from sendready.cases.models import TrackedCase
from sendready.cases.pack import case_pack
from sendready.cases.presenters import case_rows
from sendready.documents.case_pack_pdf import case_pack_pdf

NOT_INSPECTOR = "You have no inspector access to tracked cases."


def _window(request: HttpRequest, what: str) -> InspectorWindow:
    """The inspector's open window; 404 for anyone else, 403 (audited) outside the window."""
    window = inspector_window(request.user)
    if window is None:
        raise Http404(NOT_INSPECTOR)
    if window.refusal:
        record(
            request,
            AuditAction.DENIED,
            "tracked_case_list",
            "",
            area=window.area,
            detail=f"inspector {window.name}: {what}: {window.refusal}",
        )
        raise PermissionDenied(window.refusal)
    return window


def _cases(window: InspectorWindow):
    """The tracked cases named for the inspector's inspection, in their area."""
    return (
        TrackedCase.objects.for_area(window.area)
        .filter(selection__inspection_id=window.inspection_pk, status=CaseStatus.TRACKED)
        .select_related("selection", "area")
        .order_by("selection__named_on", "position")
    )


@never_cache
def inspector_cases(request: HttpRequest) -> HttpResponseBase:
    """The tracked cases of the inspector's inspection, each with its pack."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    window = _window(request, "tracked cases")
    cases = list(_cases(window))
    record(
        request,
        AuditAction.VIEWED,
        "tracked_case_list",
        "",
        area=window.area,
        detail=f"inspector {window.name}: {len(cases)} tracked cases",
    )
    return render(
        request,
        "cases/inspector_cases.html",
        {"title": "Tracked cases", "window": window, "rows": case_rows(window.area, cases)},
    )


@never_cache
def inspector_pack(request: HttpRequest, case_id: int) -> HttpResponseBase:
    """One tracked case's pack as a PDF, for the inspector; audited as an export."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    window = _window(request, f"case pack {case_id}")
    case = _cases(window).filter(pk=case_id).first()
    if case is None:
        raise Http404("No such tracked case in your inspection.")
    content = case_pack_pdf(case_pack(case))
    record(
        request,
        AuditAction.EXPORTED,
        "case_pack",
        case.pk,
        area=window.area,
        detail=f"inspector {window.name}: case {case.person_id}: PDF",
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="case-{case.person_id}.pdf"'
    return response
