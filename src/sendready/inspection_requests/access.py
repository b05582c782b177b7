"""Getting requests, files and inspector access for a person: always inside a checked area."""

from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from sendready.areas.access import can, role_in
from sendready.areas.models import LocalArea
from sendready.inspection_requests.models import EvidenceFile, InspectionRequest, InspectorAccess


def inspection_model() -> Any:
    """The inspections app's record, looked up by name so this app does not import that one."""
    return apps.get_model("inspections", "Inspection")


def get_inspection(area: LocalArea, inspection_id: int):
    """An inspection of the (already checked) area."""
    return get_object_or_404(inspection_model().objects.filter(area=area), pk=inspection_id)


def active_inspection(area: LocalArea):
    """The area's inspection under way, or None."""
    return inspection_model().objects.filter(area=area, status="active").first()


def get_request(area: LocalArea, request_id: int) -> InspectionRequest:
    """A request of the area."""
    return get_object_or_404(
        InspectionRequest.objects.select_related("owner", "inspection", "area"),
        area=area,
        pk=request_id,
    )


def get_request_file(area: LocalArea, request_id: int, file_id: int) -> EvidenceFile:
    """A file of one of the request's versions."""
    return get_object_or_404(
        EvidenceFile.objects.select_related("version__request"),
        version__request__area=area,
        version__request_id=request_id,
        pk=file_id,
    )


def get_inspector_access(area: LocalArea, inspection_id: int, access_id: int) -> InspectorAccess:
    return get_object_or_404(
        InspectorAccess.objects.select_related("user"),
        area=area,
        inspection_id=inspection_id,
        pk=access_id,
    )


def is_owner(user, request: InspectionRequest) -> bool:
    return request.owner_id is not None and request.owner_id == user.pk


def may_work_on(user, request: InspectionRequest) -> bool:
    """Owners work on their own requests; LANOs and senior leaders on any."""
    if can(user, "manage_requests", request.area):
        return True
    return can(user, "work_on_requests", request.area) and is_owner(user, request)


def require_work(user, request: InspectionRequest) -> None:
    if not may_work_on(user, request):
        raise PermissionDenied("Only the request's owner, a LANO or a senior leader can do this.")


def is_member(user, area: LocalArea) -> bool:
    return role_in(user, area) is not None
