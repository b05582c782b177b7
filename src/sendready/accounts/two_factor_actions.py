"""The only ways a second factor is set up, used or reset: each in one transaction, audited."""

import math

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendready.accounts import throttle, two_factor
from sendready.areas.models import LocalArea, Membership
from sendready.audit.constants import AuditAction
from sendready.audit.log import record


class CodeRefused(Exception):
    """The code was wrong, or came too soon after wrong ones; the message says which."""


def _audit_everywhere(request: HttpRequest, actor, detail: str) -> None:
    areas: list[LocalArea | None] = [
        m.area for m in Membership.objects.filter(user=actor).select_related("area")
    ]
    for area in areas or [None]:
        record(
            request,
            AuditAction.CHANGED,
            "second_factor",
            actor.pk,
            area=area,
            user=actor,
            detail=detail,
        )


def start_app_setup(*, actor, request: HttpRequest) -> TOTPDevice:
    """The authenticator app being set up: the unconfirmed one already shown (its key must stay the
    same between showing the QR code and checking the first code), or a new one, audited."""
    with transaction.atomic():
        device = two_factor.app_device(actor, confirmed=False)
        if device is None:
            device = TOTPDevice.objects.create(
                user=actor, name=two_factor.APP_DEVICE_NAME, confirmed=False
            )
            _audit_everywhere(request, actor, "started setting up an authenticator app")
    return device


def check_code(*, actor, code: str, request: HttpRequest) -> Device:
    """The device that accepts this code (each code works once); raises CodeRefused otherwise.
    django-otp slows wrong codes down on each device: 1 s doubling."""
    device = two_factor.device_for_code(actor, code)
    with transaction.atomic():
        if device is not None:
            device = type(device).objects.select_for_update().get(pk=device.pk)
            allowed, info = device.verify_is_allowed()
            if not allowed:
                wait = math.ceil((info["locked_until"] - timezone.now()).total_seconds())
                raise CodeRefused(
                    "You have entered too many wrong codes. "
                    f"Wait {throttle.describe_wait(max(wait, 1))}, then try again."
                )
            if device.verify_token(code):
                return device
        throttle.audit_sign_in(
            request,
            AuditAction.SIGN_IN_REFUSED,
            actor.get_username(),
            f"Wrong two-factor code from {throttle.client_address(request)}.",
        )
    raise CodeRefused("The code is not right. Check your authenticator app and try again.")


def confirm_app(*, actor, device: TOTPDevice, code: str, request: HttpRequest) -> list[str]:
    """Finish setting up an authenticator app with its first code; returns 10 new backup codes."""
    with transaction.atomic():
        if not device.verify_token(code):
            raise CodeRefused(
                "The code is not right. Check that the app shows sendready and try the newest code."
            )
        TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = two_factor.make_backup_codes(actor)
        _audit_everywhere(request, actor, "Set up two-factor sign-in.")
    return codes


def reset_second_factor(*, actor, membership: Membership, request: HttpRequest) -> None:
    """Remove a member's second factor so they set up a new one at their next sign-in."""
    with transaction.atomic():
        if membership.user.is_staff:
            raise ValidationError(
                "This person is a site administrator: only another site administrator can reset "
                "their two-factor sign-in."
            )
        removed = two_factor.forget_devices(membership.user)
        record(
            request,
            AuditAction.CHANGED,
            "second_factor",
            membership.user.pk,
            area=membership.area,
            user=actor,
            detail=f"Reset {membership.user.get_username()}'s two-factor sign-in ({removed} removed).",
        )
