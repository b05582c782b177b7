"""Helpers for tests: complete the second step of signing in the way a person with an app would."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendready.accounts import two_factor


def give_second_factor(user) -> TOTPDevice:
    """The person's authenticator app, set up now if they had none."""
    return two_factor.app_device(user) or TOTPDevice.objects.create(
        user=user, name=two_factor.APP_DEVICE_NAME, confirmed=True
    )


def current_code(device: TOTPDevice) -> str:
    """The code the app shows now. Each code works once, so the device forgets the last one used:
    a test may sign the same person in twice within 30 seconds, as no person could."""
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


def verify_second_factor(client: Client, user) -> None:
    """Mark a test client's session as having passed the second factor, if the person has or needs
    one (what the code page does after a right code)."""
    device = two_factor.app_device(user)
    if device is None and two_factor.needs_second_factor(user):
        device = give_second_factor(user)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


class VerifiedClient(Client):
    """A test client whose force_login also completes the second factor."""

    def force_login(self, user, backend=None) -> None:
        super().force_login(user, backend)
        verify_second_factor(self, user)
