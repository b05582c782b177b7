"""Changing who is on a case's team (and so who may open it); each in one transaction with its audit."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from sendready.areas.access import can
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.cases.models import CaseMember, TrackedCase
from sendready.stored_text import clean_model_text


def assign_member(
    *,
    actor,
    case: TrackedCase,
    user,
    role_title: str,
    agency: str,
    is_auditor: bool,
    request: HttpRequest | None = None,
) -> CaseMember:
    """Put a person on the case's team (or change their role there); they can then open the case."""
    if not can(user, "view_cases", case.area):
        raise ValidationError(
            {"user": "This person's role in the area does not allow them to work on cases."}
        )
    with transaction.atomic():
        member = CaseMember.objects.filter(case=case, user=user).first() or CaseMember(
            case=case, user=user
        )
        created = member.pk is None
        member.role_title = role_title
        member.agency = agency
        member.is_auditor = is_auditor
        clean_model_text(member)
        member.save()
        record(
            request,
            AuditAction.CREATED if created else AuditAction.CHANGED,
            "case_member",
            member.pk,
            area=case.area,
            user=actor,
            detail=f"{user.get_username()} on case {case.person_id} as {role_title}"
            f"{' (auditor)' if is_auditor else ''}",
        )
    return member


def remove_member(*, actor, member: CaseMember, request: HttpRequest | None = None) -> None:
    """Take a person off the case's team; they can no longer open it."""
    case = member.case
    with transaction.atomic():
        record(
            request,
            AuditAction.DELETED,
            "case_member",
            member.pk,
            area=case.area,
            user=actor,
            detail=f"{member.user.get_username()} off case {case.person_id}",
        )
        member.delete()
