"""The evidence room, as an inspector sees it: only what the area released, only inside the window."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.requests.room import time_left
from sendready.inspection_requests.models import InspectorAccess, Version
from sendready.inspection_requests.related import related_words
from sendready.inspection_requests.room_access import (
    released_file,
    released_requests,
    released_versions,
    room_view,
)
from sendready.inspection_requests.room_actions import record_visit
from sendready.inspection_requests.views.files import file_response
from sendready.inspection_requests.windows import window_of


def tracked_cases_url() -> str:
    """The inspectors' tracked-case packs (the cases capability's page), found by its URL name;
    empty when no capability offers it, so this app never imports that one."""
    try:
        return reverse("cases:inspector_cases")
    except NoReverseMatch:
        return ""


def _context(access: InspectorAccess, title: str, **extra) -> dict:
    return {
        "title": title,
        "access": access,
        "room_area": access.area,
        "until": time_left(window_of(access), timezone.now()),
        "tracked_cases_url": tracked_cases_url(),
        **extra,
    }


@never_cache
def room_home(request: HttpRequest) -> HttpResponse:
    """Send an inspector to their evidence room."""
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    access = InspectorAccess.objects.filter(user_id=request.user.pk).first()
    if access is None:
        raise Http404("You have no evidence room.")
    return redirect("inspection_requests:room", access.pk)


@room_view
@never_cache
def room(request: HttpRequest, access: InspectorAccess) -> HttpResponse:
    """Every item the area released for this inspection."""
    items = []
    for item in released_requests(access).prefetch_related("versions__files"):
        released = [v for v in item.versions.all() if v.is_released]
        latest = max(released, key=lambda v: v.number)
        items.append({"item": item, "latest": latest, "versions": len(released)})
    record(
        request,
        AuditAction.VIEWED,
        "evidence_room",
        access.pk,
        area=access.area,
        detail=f"inspector {access.name}: list of items",
    )
    return render(
        request,
        "inspection_requests/room.html",
        _context(access, f"Evidence room: {access.area.name}", items=items),
    )


@room_view
@never_cache
def room_item(request: HttpRequest, access: InspectorAccess, request_id: int) -> HttpResponse:
    """One released item, every released version kept (newest first)."""
    item, versions = released_versions(access, request_id)
    record_visit(access=access, version=versions[0], request=request)
    return render(
        request,
        "inspection_requests/room_item.html",
        _context(
            access,
            item.title,
            item=item,
            versions=versions,
            related=related_words(access.area, request.user)(item),
        ),
    )


@room_view
def room_file(request: HttpRequest, access: InspectorAccess, file_id: int) -> FileResponse:
    """Download a released file (recorded and audited)."""
    evidence = released_file(access, file_id)
    version: Version = evidence.version
    record_visit(access=access, version=version, evidence=evidence, request=request)
    return file_response(evidence)
