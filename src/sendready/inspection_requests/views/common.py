"""What every request page needs."""

from django.contrib.auth import get_user_model
from django.http import HttpRequest

from sendready.areas.access import can
from sendready.areas.models import LocalArea
from sendready.areas.registry import PERMISSION_ROLES


def page_context(request: HttpRequest, area: LocalArea, title: str, **extra) -> dict:
    """The area, the menu state and what the person may do."""
    return {
        "title": title,
        "area": area,
        "active_nav": "requests",
        "can_manage": can(request.user, "manage_requests", area),
        "can_review": can(request.user, "review_requests", area),
        "can_manage_room": can(request.user, "manage_evidence_room", area),
        **extra,
    }


def owners(area: LocalArea):
    """Members of the area who may own a request."""
    roles = [r.value for r in PERMISSION_ROLES["work_on_requests"]]
    return (
        get_user_model()
        .objects.filter(memberships__area=area, memberships__role__in=roles)
        .order_by("first_name", "last_name", "username")
    )
