"""The emails sendready sends about accounts: a link to choose a password, and a note of a new area.

They go through Django's email backend (the console when developing, SMTP in production: see README).
A set-password link carries Django's password-reset token, which stops working once used (it is tied
to the password it replaces) and after PASSWORD_RESET_TIMEOUT (3 days).
"""

import logging

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.http import HttpRequest
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from sendready.areas.models import Membership

log = logging.getLogger(__name__)
LINK_DAYS = settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)


def set_password_link(request: HttpRequest, user) -> str:
    """A one-use link for this person to choose their own password."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return request.build_absolute_uri(reverse("accounts:password_set", args=[uid, token]))


def _send(user, subject: str, lines: list[str]) -> bool:
    """False only when the mail server failed (an account with no address has nothing to send, and
    saying so would tell the adding LANO that the account existed before)."""
    if not user.email:
        return True
    try:
        send_mail(subject, "\n".join(lines) + "\n", None, [user.email])
    except OSError:
        # A mail server that is down must not undo the change that asked for the email.
        log.exception("Could not send %r to user %s", subject, user.pk)
        return False
    return True


def _name(person) -> str:
    return (person.get_full_name() or person.get_username()) if person else "Someone"


def send_invitation(request: HttpRequest, membership: Membership, actor) -> bool:
    """Tell a new person they have an account, and give them a link to choose its password."""
    user = membership.user
    return _send(
        user,
        "Your sendready account",
        [
            f"{_name(actor)} has added you to {membership.area.name} on sendready as "
            f"{membership.get_role_display()}.",
            "",
            f"Your username is: {user.get_username()}",
            "",
            f"Choose your password here (the link works once, for {LINK_DAYS} days):",
            set_password_link(request, user),
            "",
            "If the link has stopped working, use 'Forgotten your password?' on the sign-in page:",
            request.build_absolute_uri(reverse("login")),
            "",
            "If you did not expect this email, you can ignore it.",
        ],
    )


def send_added_to_area(request: HttpRequest, membership: Membership, actor) -> bool:
    """Tell someone who already has an account that they were added to another area."""
    user = membership.user
    return _send(
        user,
        f"You have been added to {membership.area.name} on sendready",
        [
            f"{_name(actor)} has added you to {membership.area.name} on sendready as "
            f"{membership.get_role_display()}.",
            "",
            f"Sign in with your username ({user.get_username()}) and your password as usual:",
            request.build_absolute_uri(reverse("login")),
            "",
            "If you did not expect this, tell the local area nominated officer of "
            f"{membership.area.name}, or your own.",
        ],
    )


def send_password_reset(request: HttpRequest, user) -> bool:
    """A link to choose a new password, for someone who has forgotten theirs."""
    return _send(
        user,
        "Reset your sendready password",
        [
            f"Someone asked to reset the password of the sendready account {user.get_username()}.",
            "",
            f"Choose a new password here (the link works once, for {LINK_DAYS} days):",
            set_password_link(request, user),
            "",
            "If it was not you, ignore this email: your password has not changed.",
        ],
    )
