"""Inspectors' access to the evidence room: opened for one inspection and a window, ended, and every
visit recorded (the room's own record and the audit log, in one transaction)."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from sendready.areas.models import Membership
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.requests.room import WindowError, check_custom_window
from sendready.inspection_requests.emails import send_inspector_invitation
from sendready.inspection_requests.models import EvidenceFile, InspectorAccess, RoomVisit, Version
from sendready.inspection_requests.windows import default_window


def open_access(
    *,
    actor,
    inspection,
    name: str,
    username: str,
    email: str,
    request: HttpRequest,
    role: str = "",
    first_day: dt.date | None = None,
    last_day: dt.date | None = None,
) -> InspectorAccess:
    """A new inspector account limited to this inspection and window. It has no usable password:
    the inspector is emailed a link to choose their own (nobody else ever sees one), and signs in
    with a second factor like everyone else (accounts.two_factor asks it of inspectors)."""
    if not email:
        raise ValidationError(
            {"email": "Enter the inspector's email address: we email them how to sign in"}
        )
    default = default_window(inspection)
    try:
        window = check_custom_window(
            default, first_day or default.first_day, last_day or default.last_day
        )
    except WindowError as exc:
        raise ValidationError({"last_day": str(exc)}) from exc
    user_model = get_user_model()
    with transaction.atomic():
        if user_model.objects.filter(username__iexact=username).exists():
            raise ValidationError(
                {
                    "username": "That username is taken. Inspector accounts are new accounts: "
                    "choose another"
                }
            )
        user = user_model.objects.create_user(
            username, email=email, password=None, first_name=name[:150]
        )
        access = InspectorAccess.objects.create(
            user=user,
            area=inspection.area,
            inspection=inspection,
            name=name,
            role=role,
            chosen_first_day=first_day,
            chosen_last_day=last_day,
            created_by=actor,
        )
        record(
            request,
            AuditAction.CREATED,
            "inspector_access",
            access.pk,
            area=inspection.area,
            user=actor,
            detail=f"{username} ({name}) from {window.first_day} to {window.last_day}"
            f"{'' if first_day or last_day else ', following the inspection'}; "
            "emailed a link to choose a password",
        )
        send_inspector_invitation(
            request, user, area_name=inspection.area.name, window=window, actor=actor
        )
    return access


def grant_demo_access(*, actor, inspection, user, name: str, role: str = "") -> InspectorAccess:
    """Give the demo's inspector account (made by the demo with its public password and demo app)
    access to the demo inspection, following its dates. Refuses an account that belongs to an area
    or already has an evidence room: only the demo calls this, never a page."""
    with transaction.atomic():
        if (
            Membership.objects.filter(user=user).exists()
            or InspectorAccess.objects.filter(user=user).exists()
        ):
            raise ValidationError("This account cannot be made an inspector.")
        access = InspectorAccess.objects.create(
            user=user,
            area=inspection.area,
            inspection=inspection,
            name=name,
            role=role,
            created_by=actor,
        )
        record(
            None,
            AuditAction.CREATED,
            "inspector_access",
            access.pk,
            area=inspection.area,
            user=actor,
            detail=f"{user.get_username()} ({name}), following the inspection (demo)",
        )
    return access


def end_access(
    *, actor, access: InspectorAccess, request: HttpRequest | None = None
) -> InspectorAccess:
    """Close an inspector's access now, before its window ends."""
    with transaction.atomic():
        access = InspectorAccess.objects.select_for_update().get(pk=access.pk)
        if access.ended_at is None:
            access.ended_at = timezone.now()
            access.ended_by = actor
            access.save(update_fields=["ended_at", "ended_by"])
            record(
                request,
                AuditAction.CHANGED,
                "inspector_access",
                access.pk,
                area=access.area,
                user=actor,
                detail=f"access of {access.user.username} ended",
            )
    return access


def record_visit(
    *,
    access: InspectorAccess,
    version: Version,
    evidence: EvidenceFile | None = None,
    request: HttpRequest | None = None,
) -> RoomVisit:
    """An inspector opened an item or downloaded a file: kept for the record and in the audit log."""
    with transaction.atomic():
        visit = RoomVisit.objects.create(access=access, version=version, file=evidence)
        what = f"{version.request.title} (version {version.number})" + (
            f": {evidence.name}" if evidence else ""
        )
        record(
            request,
            AuditAction.EXPORTED if evidence else AuditAction.VIEWED,
            "evidence_room_file" if evidence else "evidence_room_item",
            evidence.pk if evidence else version.pk,
            area=access.area,
            user=access.user,
            detail=f"inspector {access.name}: {what}",
        )
    return visit
