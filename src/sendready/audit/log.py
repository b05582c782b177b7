"""Writing the audit log: every view of a child's record and every export goes through here."""

from django.http import HttpRequest

from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent


def record(
    request: HttpRequest | None,
    action: AuditAction,
    object_type: str,
    object_id: object = "",
    area: LocalArea | None = None,
    detail: str = "",
    user=None,
    username: str | None = None,
) -> AuditEvent:
    """Add one audit entry for what the person in `request` (or `user`) did."""
    if request is not None and user is None:
        user = request.user if request.user.is_authenticated else None
    return AuditEvent.objects.create(
        user=user,
        username=username if username is not None else (user.get_username() if user else ""),
        area=area,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        detail=detail[:500],
        path=(request.get_full_path()[:500] if request is not None else ""),
    )
