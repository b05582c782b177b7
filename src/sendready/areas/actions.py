"""The only ways to change who belongs to an area."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from sendready.accounts import emails
from sendready.areas.constants import Role
from sendready.areas.models import LocalArea, Membership
from sendready.audit.constants import AuditAction
from sendready.audit.log import record


def add_member(
    *, actor, area: LocalArea, values: dict, request: HttpRequest
) -> tuple[Membership, bool]:
    """Add a person to the area and email them how to sign in; returns the membership and whether
    the email went. A new person gets an account with no usable password and a link to choose one.
    Someone who already has an account keeps it as it is (their name, email and password are theirs,
    not the adding LANO's) and is told by email. The page and the audit entry say the same in both
    cases, so adding a username never reveals whether it already existed."""
    user_model = get_user_model()
    with transaction.atomic():
        existing = user_model.objects.filter(username__iexact=values["username"]).first()
        is_new = existing is None
        user = existing or user_model.objects.create_user(
            values["username"],
            email=values["email"],
            password=None,
            first_name=values.get("first_name", ""),
            last_name=values.get("last_name", ""),
        )
        membership = Membership.objects.create(
            user=user, area=area, role=values["role"], job_title=values.get("job_title", "")
        )
        record(
            request,
            AuditAction.CREATED,
            "membership",
            membership.pk,
            area=area,
            user=actor,
            detail=f"{values['username']} as {membership.get_role_display()}",
        )
    send = emails.send_invitation if is_new else emails.send_added_to_area
    return membership, send(request, membership, actor)


def change_role(
    *, actor, membership: Membership, role: str, request: HttpRequest | None = None
) -> Membership:
    """Give a member another role; an area always keeps at least one LANO."""
    with transaction.atomic():
        _lock(membership)
        if membership.role == Role.LANO and role != Role.LANO:
            _keep_a_lano(membership)
        membership.role = role
        membership.save(update_fields=["role"])
        record(
            request,
            AuditAction.CHANGED,
            "membership",
            membership.pk,
            area=membership.area,
            user=actor,
            detail=f"{membership.user.username} now {membership.get_role_display()}",
        )
    return membership


def remove_member(*, actor, membership: Membership, request: HttpRequest | None = None) -> None:
    """Take a person out of the area (their account stays)."""
    with transaction.atomic():
        _lock(membership)
        if membership.role == Role.LANO:
            _keep_a_lano(membership)
        record(
            request,
            AuditAction.DELETED,
            "membership",
            membership.pk,
            area=membership.area,
            user=actor,
            detail=membership.user.username,
        )
        membership.delete()


def _lock(membership: Membership) -> None:
    """Lock the area's row (the order every change here takes, so two changes at once queue rather
    than deadlock), then the membership's, and read it afresh into the caller's object: a role
    changed by someone else since the page was read is what the rules judge. Gone already: a clear
    error. Callers hold the transaction."""
    LocalArea.objects.select_for_update().filter(pk=membership.area_id).values_list("pk").get()
    if (
        Membership.objects.select_for_update().filter(pk=membership.pk).values_list("pk").first()
        is None
    ):
        raise ValidationError(
            "This person was taken out of the area while you were working. Check the list of "
            "people and try again."
        )
    membership.refresh_from_db()


def _keep_a_lano(membership: Membership) -> None:
    """Refuse to lose the area's last LANO. The caller holds the area's lock (see _lock); this
    locks the area's LANOs, so two demotions at once are decided one after the other on what the
    first left. Called inside the caller's transaction."""
    lanos = list(
        Membership.objects.select_for_update()
        .filter(area_id=membership.area_id, role=Role.LANO)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if membership.pk not in lanos:
        raise ValidationError(
            "This person's role changed while you were working. Check the list of people "
            "and try again."
        )
    if len(lanos) < 2:
        raise ValidationError(
            "An area needs at least one local area nominated officer. "
            "Give someone else that role first."
        )
