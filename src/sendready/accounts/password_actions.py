"""The only ways a password is chosen: by the person themselves, audited."""

from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import SetPasswordForm
from django.db import transaction
from django.http import HttpRequest

from sendready.accounts import throttle
from sendready.accounts.models import AccountSecurity
from sendready.areas.models import LocalArea, Membership
from sendready.audit.constants import AuditAction
from sendready.audit.log import record


def choose_own_password(*, actor, form: SetPasswordForm, request: HttpRequest) -> None:
    """Save the password the person chose (a change, or from an emailed link) and clear any demand
    to choose one; keeps them signed in when they changed it while signed in."""
    with transaction.atomic():
        form.save()
        AccountSecurity.objects.update_or_create(
            user=actor, defaults={"must_choose_password": False}
        )
        areas: list[LocalArea | None] = [
            m.area for m in Membership.objects.filter(user=actor).select_related("area")
        ]
        for area in areas or [None]:
            record(
                request,
                AuditAction.CHANGED,
                "password",
                actor.pk,
                area=area,
                user=actor,
                detail="Chose their own password.",
            )
    throttle.record_success(actor.get_username())
    if request.user.is_authenticated and request.user.pk == actor.pk:
        update_session_auth_hash(request, actor)


def require_new_password(*, actor, user, request: HttpRequest) -> None:
    """Someone else (a site administrator) set this person's password: they must choose their own at
    their next sign-in."""
    with transaction.atomic():
        AccountSecurity.objects.update_or_create(user=user, defaults={"must_choose_password": True})
        record(
            request,
            AuditAction.CHANGED,
            "password",
            user.pk,
            user=actor,
            detail=f"Set {user.get_username()}'s password; they must choose their own at sign-in.",
        )
