"""The emails the request board sends: an inspector's way in (a link to choose their own password),
an owner told of a request assigned to them, and the LANOs told of one waiting for review. They carry
links, so they are sent for changes made on the web (the demo and tests without a request send none).

They go through Django's email backend (MAILERS, see settings and README), like the platform's own
emails. The set-password link is the platform's (accounts.emails.set_password_link): Django's
password-reset token, which works once and for LINK_DAYS days. Mail is sent after the change that
asked for it has been committed, and a mail server that is down never undoes that change.
"""

import logging
from collections.abc import Iterable

from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse

from sendready.accounts.emails import LINK_DAYS, set_password_link
from sendready.domain.requests.due import london
from sendready.domain.requests.room import Window, day_words

log = logging.getLogger(__name__)


def _name(person) -> str:
    return (person.get_full_name() or person.get_username()) if person else "Someone"


def _send_now(people: Iterable, subject: str, lines: list[str]) -> int:
    """Send one email to each person with an address; returns how many went."""
    sent = 0
    for person in people:
        if not person.email:
            continue
        try:
            send_mail(subject, "\n".join(lines) + "\n", None, [person.email])
        except OSError:
            log.exception("Could not send %r to user %s", subject, person.pk)
        else:
            sent += 1
    return sent


def _send_after_commit(people: Iterable, subject: str, lines: list[str]) -> None:
    people = list(people)
    transaction.on_commit(lambda: _send_now(people, subject, lines))


def send_inspector_invitation(
    request: HttpRequest, user, *, area_name: str, window: Window, actor
) -> None:
    """Give a new inspector their username and a link to choose their own password (never a password)."""
    _send_after_commit(
        [user],
        f"Your access to the {area_name} evidence room on sendready",
        [
            f"{_name(actor)} has given you read-only access to what {area_name} releases to the "
            "inspection team on sendready.",
            "",
            f"Your username is: {user.get_username()}",
            "",
            f"Choose your password here (the link works once, for {LINK_DAYS} days):",
            set_password_link(request, user),
            "",
            "When you first sign in you will set up two-factor sign-in with an authenticator app.",
            f"Your access runs from {day_words(window.first_day)} to 23:59 on "
            f"{day_words(window.last_day)} (London time) as the inspection's dates stand now, and "
            "then ends by itself.",
            "",
            "If the link has stopped working, use 'Forgotten your password?' on the sign-in page:",
            request.build_absolute_uri(reverse("login")),
            "",
            "If you did not expect this email, you can ignore it.",
        ],
    )


def _due_words(item) -> str:
    due = london(item.due_at)
    return f"{due:%H:%M} on {day_words(due.date())} (London time)"


def _request_link(request: HttpRequest, item) -> str:
    return request.build_absolute_uri(
        reverse("inspection_requests:detail", args=[item.area.code, item.pk])
    )


def send_assigned(request: HttpRequest, items: list, owner, actor) -> None:
    """Tell an owner that requests were assigned to them (one email for a pasted list)."""
    if not items or owner is None or owner.pk == getattr(actor, "pk", None):
        return
    area = items[0].area
    first = items[0]
    subject = (
        f"Inspectors' request for you: {first.title}"
        if len(items) == 1
        else f"{len(items)} inspectors' requests for you"
    )
    lines = [f"{_name(actor)} has made you the owner of what inspectors asked {area.name} for:", ""]
    for item in items:
        lines += [
            f"- {item.title}",
            f"  due {_due_words(item)}",
            f"  {_request_link(request, item)}",
        ]
    lines += ["", "Add your answer and files there, then send it for review."]
    _send_after_commit([owner], subject, lines)


def send_ready_for_review(request: HttpRequest, item, lanos: Iterable, actor) -> None:
    """Tell the area's LANOs that a request waits for review (not the person who sent it)."""
    people = [p for p in lanos if p.pk != getattr(actor, "pk", None)]
    _send_after_commit(
        people,
        f"Ready for review: {item.title}",
        [
            f"{_name(actor)} has sent an answer to inspectors' request for review:",
            "",
            item.title,
            f"Due {_due_words(item)}",
            _request_link(request, item),
            "",
            "A LANO or senior leader who did not prepare it checks it and releases it to inspectors.",
        ],
    )
