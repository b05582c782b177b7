"""Who may do what, decided in one place by local area and role.

The permission table itself is filled by each app from its AppConfig.ready through
`registry.register_permissions`; this module reads it."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

from sendready.areas.constants import Role
from sendready.areas.middleware import AreaRequest
from sendready.areas.models import LocalArea, Membership
from sendready.areas.registry import PERMISSION_ROLES

ALL_ROLES = frozenset(Role)
CASEWORK_ROLES = frozenset(
    {Role.LANO, Role.SENIOR_LEADER, Role.SYSTEM_LEAD, Role.PRACTITIONER, Role.HEALTH_LEAD}
)


def role_in(user: Any, area: LocalArea | None) -> Role | None:
    """The person's role in the area, or None when they are not a member."""
    if area is None or not getattr(user, "is_authenticated", False):
        return None
    cache = getattr(user, "_sendready_roles", None)
    if cache is None:
        cache = {m.area_id: Role(m.role) for m in Membership.objects.filter(user=user)}
        user._sendready_roles = cache
    return cache.get(area.pk)


def can(user: Any, permission: str, area: LocalArea | None) -> bool:
    """True when the person's role in the area carries the permission."""
    role = role_in(user, area)
    return role is not None and role in PERMISSION_ROLES[permission]


def get_area_for_user(request: HttpRequest, code: str, permission: str = "view_area") -> LocalArea:
    """The area named in the URL, if the person belongs to it and may do `permission` there."""
    area = LocalArea.objects.filter(code=code).first()
    if area is None or role_in(request.user, area) is None:
        raise Http404("No such local area, or you are not a member of it.")
    if not can(request.user, permission, area):
        raise PermissionDenied("Your role in this local area does not allow this.")
    return area


def area_view(
    permission: str,
) -> Callable[[Callable[..., HttpResponseBase]], Callable[..., HttpResponseBase]]:
    """Decorate a view taking `area_code`: it receives the checked `area` instead."""

    def decorator(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapped(
            request: AreaRequest, area_code: str, *args: Any, **kwargs: Any
        ) -> HttpResponseBase:
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            area = get_area_for_user(request, area_code, permission)
            request.area = area
            # Written only when the area changes: a page polled every few seconds would otherwise
            # save the session (and on SQLite take the write lock) on every poll.
            if request.session.get("area_code") != area.code:
                request.session["area_code"] = area.code
            return view(request, area, *args, **kwargs)

        wrapped.permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorator
