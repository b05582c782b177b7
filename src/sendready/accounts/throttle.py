"""Failed sign-ins slow the next try down instead of locking anyone out.

Failures are counted twice: against the username typed and against the client address. Each key has
FREE_FAILURES tries; after that every failure makes the next try wait, 30 seconds doubling up to 15
minutes. A key that has had no failure for an hour starts again. A person's own success clears their
username's count, never the address's (an attacker with an account of their own would otherwise reset
it between guesses). Nothing is ever locked: the wait is short enough that someone whose name is being
guessed can still sign in, and long enough that guessing is hopeless.

The client address is REMOTE_ADDR, or, when BEHIND_PROXY is set and REMOTE_ADDR is one of
TRUSTED_PROXIES, the nearest address in X-Forwarded-For that is not a trusted proxy. A client can write
anything into that header itself, so only what our own proxies appended is believed.
"""

import ipaddress
import math
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.http import HttpRequest
from django.utils import timezone

from sendready.accounts.constants import ThrottleKey
from sendready.accounts.models import SignInThrottle
from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record

FREE_FAILURES = 5
FIRST_WAIT_SECONDS = 30
LONGEST_WAIT_SECONDS = 15 * 60
FORGET_AFTER = timedelta(hours=1)


def wait_after(failures: int, free: int = FREE_FAILURES) -> int:
    """Seconds the next try must wait after this many failures in a row."""
    if failures < free:
        return 0
    return min(FIRST_WAIT_SECONDS * 2 ** (failures - free), LONGEST_WAIT_SECONDS)


def describe_wait(seconds: int) -> str:
    """A wait in words: '30 seconds', '2 minutes', '15 minutes'."""
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(p, strict=False) for p in settings.TRUSTED_PROXIES]


def _parse(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address | None) -> bool:
    return address is not None and any(address in net for net in _networks())


def _as_key(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    # One IPv6 client usually holds a whole /64: counting single addresses would give it billions.
    if address.version == 6 and address.ipv4_mapped is None:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address.ipv4_mapped or address) if address.version == 6 else str(address)


def client_address(request: HttpRequest) -> str:
    """The address the sign-in came from, as far as it can be trusted."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return request.META.get("REMOTE_ADDR", "")[:150]
    if not (settings.BEHIND_PROXY and _trusted(remote)):
        return _as_key(remote)
    hops = [_parse(h) for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    # Walk back from our proxy: the first hop it did not add itself is the client.
    for hop in reversed(hops):
        if hop is None:
            break
        if not _trusted(hop):
            return _as_key(hop)
    return _as_key(remote)


def _keys(username: str, address: str) -> list[tuple[str, str]]:
    return [(ThrottleKey.USERNAME, username.strip().lower()[:150]), (ThrottleKey.ADDRESS, address)]


def _free_for(kind: str) -> int:
    return (
        settings.SIGN_IN_FREE_FAILURES_PER_ADDRESS if kind == ThrottleKey.ADDRESS else FREE_FAILURES
    )


def seconds_to_wait(username: str, address: str, now: datetime | None = None) -> int:
    """How long before this username may try again from this address (0: now)."""
    now = now or timezone.now()
    waits = [
        math.ceil((row.blocked_until - now).total_seconds())
        for row in SignInThrottle.objects.filter(_match(username, address), blocked_until__gt=now)
        if row.blocked_until is not None
    ]
    return max(waits, default=0)


def _areas_of(username: str) -> tuple[object | None, list[LocalArea | None]]:
    user = get_user_model().objects.filter(username__iexact=username.strip()).first()
    areas: list[LocalArea | None] = (
        list(LocalArea.objects.filter(memberships__user=user)) if user else []
    )
    return user, areas or [None]


def audit_sign_in(request: HttpRequest, action: AuditAction, username: str, detail: str) -> None:
    """Record a refused or held-back sign-in against each area the account belongs to."""
    user, areas = _areas_of(username)
    for area in areas:
        record(
            request,
            action,
            "sign_in",
            username[:64],
            area=area,
            user=user,
            username=username[:150],
            detail=detail,
        )


def record_failure(request: HttpRequest, username: str, address: str) -> int:
    """Count a wrong username or password; returns the wait now imposed (0 while tries are free)."""
    now = timezone.now()
    waits = []
    with transaction.atomic():
        for kind, key in _keys(username, address):
            row, _ = SignInThrottle.objects.select_for_update().get_or_create(
                kind=kind, key=key, defaults={"last_failure_at": now}
            )
            if now - row.last_failure_at > FORGET_AFTER:
                row.failures = 0
            row.failures += 1
            row.last_failure_at = now
            row.held_back = 0
            wait = wait_after(row.failures, _free_for(kind))
            row.blocked_until = now + timedelta(seconds=wait) if wait else None
            row.save()
            waits.append(wait)
        wait = max(waits)
        detail = f"Wrong username or password from {address}."
        if wait:
            detail += f" Next try held back {describe_wait(wait)}."
        audit_sign_in(request, AuditAction.SIGN_IN_REFUSED, username, detail)
    return wait


def _match(username: str, address: str) -> Q:
    query = Q(pk__in=[])
    for kind, key in _keys(username, address):
        query |= Q(kind=kind, key=key)
    return query


def record_held_back(request: HttpRequest, username: str, address: str, wait: int) -> None:
    """Note a try refused because its wait had not passed (audited once per wait, not per try)."""
    with transaction.atomic():
        rows = list(
            SignInThrottle.objects.select_for_update().filter(
                _match(username, address), blocked_until__gt=timezone.now()
            )
        )
        SignInThrottle.objects.filter(pk__in=[r.pk for r in rows]).update(
            held_back=F("held_back") + 1
        )
        if any(row.held_back == 0 for row in rows):
            audit_sign_in(
                request,
                AuditAction.SIGN_IN_THROTTLED,
                username,
                f"Tried again from {address} before the wait was over; "
                f"held back {describe_wait(wait)}.",
            )


def record_success(username: str) -> None:
    """A right password clears the username's count (not the address's)."""
    SignInThrottle.objects.filter(
        kind=ThrottleKey.USERNAME, key=username.strip().lower()[:150]
    ).delete()
