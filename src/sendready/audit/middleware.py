"""Record in the audit log every refusal of an area's page to a signed-in person."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record


class DeniedAccessAuditMiddleware:
    """Records in the audit log every refusal (404 or 403) of a signed-in person on an area's pages,
    against the area asked for, so a LANO can see attempts on their area's data from elsewhere."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if (
            not isinstance(exception, (Http404, PermissionDenied))
            or not request.user.is_authenticated
        ):
            return None
        match = getattr(request, "resolver_match", None)
        code = match.kwargs.get("area_code") if match else None
        if not code:
            return None
        area = LocalArea.objects.filter(code=str(code)[:9]).first()
        kind = (
            "not allowed"
            if isinstance(exception, PermissionDenied)
            else "not found or not a member"
        )
        record(
            request, AuditAction.DENIED, "area_page", code, area=area, detail=f"{kind}: {exception}"
        )
        return None  # Django then answers with its usual 404 or 403
