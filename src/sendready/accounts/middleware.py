"""Remember which of a person's local areas they are working in."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from sendready.accounts.audit import record
from sendready.accounts.constants import AuditAction
from sendready.accounts.models import LocalArea


class AreaRequest(HttpRequest):
    """A request as CurrentAreaMiddleware leaves it; only for type checking (Django makes the object)."""

    area: LocalArea | None
    user_areas: list[LocalArea]


class CurrentAreaMiddleware:
    """Sets request.area and request.user_areas for the header's area switcher."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: AreaRequest) -> HttpResponse:
        request.area = None
        request.user_areas = []
        if request.user.is_authenticated:
            areas = list(LocalArea.objects.for_user(request.user))
            request.user_areas = areas
            code = request.session.get("area_code")
            request.area = next((a for a in areas if a.code == code), areas[0] if areas else None)
        return self.get_response(request)


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
