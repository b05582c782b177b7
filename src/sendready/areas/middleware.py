"""Remember which of a person's local areas they are working in."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from sendready.areas.models import LocalArea


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
