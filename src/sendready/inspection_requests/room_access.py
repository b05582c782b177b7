"""The evidence room's only way in: the signed-in inspector's own access, inside its window."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils import timezone

from sendready.areas.registry import InspectorWindow
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.inspection_requests.models import (
    EvidenceFile,
    InspectionRequest,
    InspectorAccess,
    Version,
)
from sendready.inspection_requests.windows import access_state

REFUSALS = {
    "not_yet": "Your access to this evidence room has not started yet.",
    "closed": "Your access to this evidence room has ended: its window of dates has closed.",
    "ended": "Your access to this evidence room was ended by the local area.",
}


def get_access(request: HttpRequest, access_id: int) -> InspectorAccess:
    """The person's own access, open now; 404 for anyone else's, 403 (audited) outside the window."""
    access = (
        InspectorAccess.objects.select_related("area", "inspection", "user")
        .filter(pk=access_id, user_id=request.user.pk or 0)
        .first()
    )
    if access is None:
        raise Http404("No such evidence room, or it is not yours.")
    state = access_state(access, timezone.now())
    if state != "open":
        record(
            request,
            AuditAction.DENIED,
            "evidence_room",
            access.pk,
            area=access.area,
            detail=REFUSALS[state],
        )
        raise PermissionDenied(REFUSALS[state])
    return access


def room_view(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Decorate a view taking `access_id`: it receives the checked access instead."""

    @wraps(view)
    def wrapped(
        request: HttpRequest, access_id: int, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, get_access(request, access_id), *args, **kwargs)

    wrapped.room_view = True  # type: ignore[attr-defined]
    return wrapped


def released_requests(access: InspectorAccess):
    """Requests of the inspection with at least one released version."""
    return (
        InspectionRequest.objects.filter(
            inspection_id=access.inspection_id, versions__released_at__isnull=False
        )
        .distinct()
        .order_by("title", "pk")
    )


def released_versions(
    access: InspectorAccess, request_id: int
) -> tuple[InspectionRequest, list[Version]]:
    """A released request and its released versions, newest first (404 when nothing is released)."""
    item = get_object_or_404(released_requests(access), pk=request_id)
    versions = list(
        item.versions.filter(released_at__isnull=False)
        .prefetch_related("files")
        .order_by("-number")
    )
    return item, versions


def released_file(access: InspectorAccess, file_id: int) -> EvidenceFile:
    """A file of a released version of this inspection's requests."""
    return get_object_or_404(
        EvidenceFile.objects.select_related("version__request").filter(
            Q(version__released_at__isnull=False),
            version__request__inspection_id=access.inspection_id,
        ),
        pk=file_id,
    )


def evidence_room_home(user) -> str | None:
    """An inspector's home page: their evidence room (the platform asks when they have no area)."""
    from django.urls import reverse

    access = InspectorAccess.objects.filter(user_id=user.pk).only("pk").first()
    return reverse("inspection_requests:room", args=[access.pk]) if access else None


def inspector_window_for(user) -> InspectorWindow | None:
    """The platform's view of an inspector's access: area, inspection and whether it is open now."""
    if not getattr(user, "is_authenticated", False):
        return None
    access = InspectorAccess.objects.select_related("area").filter(user_id=user.pk).first()
    if access is None:
        return None
    state = access_state(access, timezone.now())
    refusal = "" if state == "open" else REFUSALS[state]
    return InspectorWindow(access.area, access.inspection_id, access.name, refusal)
