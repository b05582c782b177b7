"""The only ways to change the self-evaluation: each owns its transaction, history and audit entry."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from sendready.areas.models import LocalArea, Membership
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.inspection.criteria import CriteriaSet, latest_for
from sendready.domain.inspection.frameworks import load_framework
from sendready.selfevaluation.access import LEAD_ROLES, find_self_evaluation
from sendready.selfevaluation.constants import OVERALL
from sendready.selfevaluation.models import Change, Comment, CriterionEntry, SelfEvaluation
from sendready.selfevaluation.presenters import person_name, shown
from sendready.stored_text import clean_model_text

CURRENT_FRAMEWORK = "2023-full"
ENTRY_LABELS = {
    "position": "Position",
    "rationale": "Rationale",
    "what_we_know": "What do we know?",
    "what_it_means": "What does it mean?",
    "what_next": "What next?",
}
ASSESSMENT_LABELS = {
    "positive_experiences": "Experiences typically positive",
    "strong_outcomes": "Outcomes typically strong",
    "taking_action": "Taking effective action where improvements are needed",
    "priority_actions": "Areas for priority action",
    "assessment_rationale": "Rationale for the self-assessment",
}


def start_self_evaluation(
    *, actor, area: LocalArea, request: HttpRequest | None = None
) -> SelfEvaluation:
    """Start the area's SEF against the newest criteria version, with an entry per criterion.

    Only a POST calls this (a page view never writes); an area that already has one gets it back."""
    criteria = latest_for(CURRENT_FRAMEWORK)
    with transaction.atomic():
        existing = find_self_evaluation(area)
        if existing is not None:
            return existing
        sef = new_sef(area=area, criteria=criteria, actor=actor)
        record(
            request,
            AuditAction.CREATED,
            "self_evaluation",
            sef.pk,
            area=area,
            user=actor,
            detail=f"criteria version {criteria.version}",
        )
    return sef


def new_sef(*, area: LocalArea, criteria: CriteriaSet, actor, previous=None) -> SelfEvaluation:
    """A new SEF with an empty entry per criterion; callers hold the transaction and audit it."""
    sef = SelfEvaluation.objects.create(
        area=area,
        framework=criteria.framework,
        criteria_version=criteria.version,
        created_by=actor,
        previous=previous,
    )
    CriterionEntry.objects.bulk_create(
        [CriterionEntry(sef=sef, key=key) for key in criteria.criterion_keys()]
    )
    return sef


def _log_changes(
    sef, key: str, actor, before: Mapping, after: Mapping, labels: Mapping
) -> list[str]:
    changed = []
    for field, label in labels.items():
        old, new = shown(field, before.get(field)), shown(field, after.get(field))
        if old != new:
            Change.objects.create(
                sef=sef,
                criterion_key=key,
                field=field,
                label=label,
                old=old,
                new=new,
                by=actor,
                by_name=person_name(actor),
            )
            changed.append(label)
    return changed


def save_entry(
    *, actor, entry: CriterionEntry, values: Mapping[str, Any], request: HttpRequest | None = None
) -> list[str]:
    """Write a criterion's position, rationale and answers; every changed value goes in its history."""
    positions = {o.key for o in load_framework(entry.sef.framework).outcomes}
    if values.get("position") and values["position"] not in positions:
        raise ValidationError({"position": "Choose one of the framework's three outcomes."})
    with transaction.atomic():
        locked = CriterionEntry.objects.select_for_update().get(pk=entry.pk)
        before = {f: getattr(locked, f) for f in ENTRY_LABELS}
        for field in ENTRY_LABELS:
            if field in values:
                setattr(locked, field, values[field] or "")
        clean_model_text(locked)
        changed = _log_changes(locked.sef, locked.key, actor, before, values, ENTRY_LABELS)
        if changed:
            locked.updated_at, locked.updated_by = timezone.now(), actor
            locked.save()
            record(
                request,
                AuditAction.CHANGED,
                "self_evaluation_criterion",
                locked.pk,
                area=locked.sef.area,
                user=actor,
                detail=f"{locked.key}: {', '.join(changed)}",
            )
    return changed


def set_lead(*, actor, entry: CriterionEntry, lead, request: HttpRequest | None = None) -> None:
    """Name (or clear) the system lead of a criterion: a member of the area in a role that can lead."""
    area = entry.sef.area
    if (
        lead is not None
        and not Membership.objects.filter(area=area, user=lead, role__in=list(LEAD_ROLES)).exists()
    ):
        raise ValidationError(
            {"lead": "The system lead must be a member of this area who works in its services"}
        )
    with transaction.atomic():
        # Lock only the entry: PostgreSQL refuses FOR UPDATE across the nullable join to the lead.
        locked = CriterionEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.lead_id == (lead.pk if lead else None):
            return
        _log_changes(
            locked.sef,
            locked.key,
            actor,
            {"lead": person_name(locked.lead)},
            {"lead": person_name(lead)},
            {"lead": "System lead"},
        )
        locked.lead = lead
        locked.save(update_fields=["lead"])
        record(
            request,
            AuditAction.CHANGED,
            "self_evaluation_criterion",
            locked.pk,
            area=locked.sef.area,
            user=actor,
            detail=f"{locked.key}: system lead {person_name(lead) or 'cleared'}",
        )


def add_comment(
    *,
    actor,
    sef: SelfEvaluation,
    criterion_key: str,
    text: str,
    role: str,
    request: HttpRequest | None = None,
) -> Comment:
    """Add a co-production comment to a criterion."""
    with transaction.atomic():
        comment = Comment(
            sef=sef,
            criterion_key=criterion_key,
            author=actor,
            author_name=person_name(actor),
            role=role,
            text=text,
        )
        clean_model_text(comment)
        comment.save()
        record(
            request,
            AuditAction.CREATED,
            "self_evaluation_comment",
            comment.pk,
            area=sef.area,
            user=actor,
            detail=criterion_key,
        )
    return comment


def save_assessment(
    *, actor, sef: SelfEvaluation, values: Mapping[str, Any], request: HttpRequest | None = None
) -> list[str]:
    """Write the area's answers for the outcome self-assessment, with history and audit."""
    with transaction.atomic():
        locked = SelfEvaluation.objects.select_for_update().get(pk=sef.pk)
        before = {f: getattr(locked, f) for f in ASSESSMENT_LABELS}
        for field in ASSESSMENT_LABELS:
            setattr(
                locked,
                field,
                values.get(field) if field != "assessment_rationale" else values.get(field) or "",
            )
        clean_model_text(locked)
        changed = _log_changes(locked, OVERALL, actor, before, values, ASSESSMENT_LABELS)
        if changed:
            locked.save()
            record(
                request,
                AuditAction.CHANGED,
                "self_evaluation",
                locked.pk,
                area=locked.area,
                user=actor,
                detail=f"self-assessment: {', '.join(changed)}",
            )
    return changed
