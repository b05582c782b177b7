"""The only ways to change who belongs to an area."""

import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from sendready.accounts.audit import record
from sendready.accounts.constants import AuditAction, Role
from sendready.accounts.models import LocalArea, Membership


def add_member(area: LocalArea, by, data: dict, request=None) -> tuple[Membership, str | None]:
    """Add a person (creating the account if new); returns a one-time password for new accounts."""
    user_model = get_user_model()
    password = None
    with transaction.atomic():
        user = user_model.objects.filter(username__iexact=data["username"]).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = user_model.objects.create_user(
                data["username"], email=data.get("email", ""), password=password,
                first_name=data.get("first_name", ""), last_name=data.get("last_name", ""))
        membership = Membership.objects.create(user=user, area=area, role=data["role"],
                                               job_title=data.get("job_title", ""))
    record(request, AuditAction.CREATED, "membership", membership.pk, area=area, user=by,
           detail=f"{user.username} as {membership.get_role_display()}")
    return membership, password


def change_role(membership: Membership, by, role: str, request=None) -> Membership:
    """Give a member another role; an area always keeps at least one LANO."""
    if membership.role == Role.LANO and role != Role.LANO:
        _keep_a_lano(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    record(request, AuditAction.CHANGED, "membership", membership.pk, area=membership.area, user=by,
           detail=f"{membership.user.username} now {membership.get_role_display()}")
    return membership


def remove_member(membership: Membership, by, request=None) -> None:
    """Take a person out of the area (their account stays)."""
    if membership.role == Role.LANO:
        _keep_a_lano(membership)
    record(request, AuditAction.DELETED, "membership", membership.pk, area=membership.area, user=by,
           detail=membership.user.username)
    membership.delete()


def _keep_a_lano(membership: Membership) -> None:
    others = Membership.objects.filter(area=membership.area, role=Role.LANO).exclude(pk=membership.pk)
    if not others.exists():
        raise ValidationError("An area needs at least one local area nominated officer. "
                              "Give someone else that role first.")
