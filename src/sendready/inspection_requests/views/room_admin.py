"""For the LANO: inspectors' access to the evidence room, and the record of what was shared."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.documents.xlsx import table_to_xlsx
from sendready.domain.requests.room import day_words
from sendready.govuk_forms import add_validation_error
from sendready.inspection_requests import room_actions, windows
from sendready.inspection_requests.access import get_inspection, get_inspector_access
from sendready.inspection_requests.forms import AccessForm
from sendready.inspection_requests.models import InspectorAccess
from sendready.inspection_requests.shared_record import (
    SHARED_HEADERS,
    VISIT_HEADERS,
    shared_rows,
    visit_rows,
)
from sendready.inspection_requests.views.common import page_context

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STATE_WORDS = {
    "open": "Open",
    "not_yet": "Not open yet",
    "closed": "Window closed",
    "ended": "Ended early",
}


@area_view("manage_evidence_room")
@never_cache
def inspectors(request: HttpRequest, area: LocalArea, inspection_id: int) -> HttpResponse:
    """Who can open the evidence room, until when; give an inspector access."""
    inspection = get_inspection(area, inspection_id)
    default = windows.default_window(inspection)
    form = AccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            access = room_actions.open_access(
                actor=request.user,
                inspection=inspection,
                name=data["name"],
                username=data["username"],
                email=data["email"],
                role=data["role"],
                first_day=data["first_day"],
                last_day=data["last_day"],
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(
                request,
                f"{access.name} has access as {access.user.username}. We have emailed them a link "
                "to choose their password; they set up two-factor sign-in when they first sign in. "
                f"They see only what you release, now until 23:59 on "
                f"{day_words(windows.window_of(access).last_day)}.",
            )
            return redirect("inspection_requests:inspectors", area.code, inspection.pk)
    now = timezone.now()
    accesses = [
        (a, windows.window_of(a), STATE_WORDS[windows.access_state(a, now)])
        for a in InspectorAccess.objects.for_inspection(inspection.pk).select_related(
            "user", "inspection"
        )
    ]
    return render(
        request,
        "inspection_requests/inspectors.html",
        page_context(
            request,
            area,
            "Evidence room",
            form=form,
            inspection=inspection,
            accesses=accesses,
            default=default,
            room_days=windows.room_days(inspection),
        ),
    )


@area_view("manage_evidence_room")
@require_POST
def access_end(
    request: HttpRequest, area: LocalArea, inspection_id: int, access_id: int
) -> HttpResponse:
    """End an inspector's access now."""
    access = get_inspector_access(area, inspection_id, access_id)
    room_actions.end_access(actor=request.user, access=access, request=request)
    messages.success(request, f"{access.name} can no longer open the evidence room.")
    return redirect("inspection_requests:inspectors", area.code, inspection_id)


@area_view("manage_evidence_room")
@never_cache
def shared(request: HttpRequest, area: LocalArea, inspection_id: int) -> HttpResponse:
    """What was shared, with whom and when; and every inspector visit."""
    inspection = get_inspection(area, inspection_id)
    return render(
        request,
        "inspection_requests/shared.html",
        page_context(
            request,
            area,
            "What we shared with inspectors",
            inspection=inspection,
            rows=shared_rows(inspection),
            visits=visit_rows(inspection),
            shared_headers=SHARED_HEADERS,
            visit_headers=VISIT_HEADERS,
        ),
    )


@area_view("manage_evidence_room")
def shared_xlsx(request: HttpRequest, area: LocalArea, inspection_id: int) -> HttpResponse:
    """The same record as an Excel workbook (audited)."""
    inspection = get_inspection(area, inspection_id)
    content = table_to_xlsx(
        {
            "Shared with inspectors": (
                SHARED_HEADERS,
                [r.cells() for r in shared_rows(inspection)],
            ),
            "Inspector visits": (VISIT_HEADERS, visit_rows(inspection)),
        }
    )
    filename = f"{slugify(area.name)}-{inspection.notified_on:%Y-%m-%d}-shared-with-inspectors.xlsx"
    record(
        request, AuditAction.EXPORTED, "shared_record", inspection.pk, area=area, detail=filename
    )
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
