"""Two-factor sign-in: who needs it, their devices, and the QR code that sets one up.

A second factor (a TOTP authenticator app, with 10 single-use backup codes) is required of site
administrators, of anyone whose role in any area carries a permission a capability marked with
`areas.registry.require_second_factor_for` (pupildata marks `view_pupil_rows`: children's own rows),
of inspectors (anyone a capability offers an `inspector_window` for), and of everyone when
TWO_FACTOR_FOR_EVERY_ROLE is set. Anyone who has set one up is asked for it whatever their role.
"""

import re
from base64 import b32encode

import segno
from django.conf import settings
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendready.areas.models import Membership
from sendready.areas.registry import (
    PERMISSION_ROLES,
    SECOND_FACTOR_PERMISSIONS,
    inspector_window,
)

BACKUP_CODES = 10
APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"


def needs_second_factor(user) -> bool:
    """True when this person may not use sendready without a second factor."""
    if not user.is_authenticated:
        return False
    if user.is_staff or settings.TWO_FACTOR_FOR_EVERY_ROLE:
        return True
    if inspector_window(user) is not None:  # inspectors hold no role, but see the area's evidence
        return True
    roles = {r for p in SECOND_FACTOR_PERMISSIONS for r in PERMISSION_ROLES.get(p, ())}
    return Membership.objects.filter(user=user, role__in=roles).exists()


def passed(request: HttpRequest) -> bool:
    """True when this session has passed the second factor (django-otp's middleware decides)."""
    return bool(getattr(request.user, "is_verified", lambda: False)())


def app_device(user, confirmed: bool = True) -> TOTPDevice | None:
    """The person's authenticator app, set up (or, with confirmed=False, being set up)."""
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("-pk").first()


def has_second_factor(user) -> bool:
    """True when the person has set up an authenticator app."""
    return user.is_authenticated and app_device(user) is not None


def readable_key(device: TOTPDevice) -> str:
    """The secret as an app asks for it when typed: base32 in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The set-up QR code as an SVG data URI (the page's CSP allows data: images, no scripts)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2, dark="#0b0c0c")


def make_backup_codes(user) -> list[str]:
    """Replace the person's backup codes with 10 new single-use ones, and return them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def forget_devices(user) -> int:
    """Remove every second factor of the person; returns how many there were."""
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    return removed + StaticDevice.objects.filter(user=user).delete()[0]


def normalise(code: str) -> str:
    """A typed code without the spaces or dashes people add, in lower case."""
    return re.sub(r"[\s-]", "", code).lower()


def device_for_code(user, code: str) -> TOTPDevice | StaticDevice | None:
    """The device a code is for: six digits are the app's, anything else a backup code."""
    model = TOTPDevice if re.fullmatch(r"\d{6}", code) else StaticDevice
    return model.objects.filter(user=user, confirmed=True).order_by("-pk").first()
