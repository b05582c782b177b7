"""Case file audits: an auditor's independent grades, the chair's moderation and the area's framework;
each change in one transaction with its audit-log entry."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.cases.audit_framework import framework_for
from sendready.cases.constants import AuditStatus, CaseStatus
from sendready.cases.models import (
    AreaAuditFramework,
    CaseAudit,
    Moderation,
    SectionGrade,
    TrackedCase,
)
from sendready.domain.cases.audit_framework import AuditFramework, GradeError, load_audit_framework
from sendready.stored_text import clean_model_text

MIN_AUDITS_TO_MODERATE = 2
TEXT_LIMIT = 4000


def _check_grades(framework: AuditFramework, grades: dict[str, str], *, complete: bool) -> None:
    errors = {}
    for section in framework.active_sections:
        value = grades.get(section.key, "")
        if value:
            try:
                framework.grade(value)
            except GradeError as exc:
                errors[f"{section.key}__grade"] = str(exc)
        elif complete:
            errors[f"{section.key}__grade"] = f"Select a grade for {section.title.lower()}"
    if errors:
        raise ValidationError(errors)


def save_audit(
    *,
    actor,
    case: TrackedCase,
    values: dict[str, dict[str, str]],
    submit: bool,
    request: HttpRequest | None = None,
) -> CaseAudit:
    """Save an auditor's grades, strengths and areas to develop; submitting needs every section."""
    member = case.members.filter(user=actor, is_auditor=True).first()
    if member is None:
        raise ValidationError("Only an auditor on this case's team can audit it.")
    if case.status != CaseStatus.TRACKED:
        raise ValidationError("Only a tracked case is audited.")
    framework = framework_for(case.area)
    grades = {key: v.get("grade", "") for key, v in values.items()}
    _check_grades(framework, grades, complete=submit)
    with transaction.atomic():
        audit, _ = CaseAudit.objects.select_for_update().get_or_create(
            case=case, auditor=actor, defaults={"agency": member.agency}
        )
        if audit.status == AuditStatus.SUBMITTED:
            raise ValidationError("This audit was submitted; it can no longer be changed.")
        for section in framework.active_sections:
            v = values.get(section.key, {})
            row = SectionGrade.objects.filter(audit=audit, section=section.key).first()
            row = row or SectionGrade(audit=audit, section=section.key)
            row.grade = v.get("grade", "")
            row.strengths = v.get("strengths", "")[:TEXT_LIMIT]
            row.areas_to_develop = v.get("areas_to_develop", "")[:TEXT_LIMIT]
            clean_model_text(row)
            row.save()
        overall = framework.overall({k: g for k, g in grades.items() if g})
        audit.overall_grade = overall.grade.key if overall else ""
        audit.weighted_score = overall.weighted_score if overall else None
        if submit:
            audit.status = AuditStatus.SUBMITTED
            audit.submitted_at = timezone.now()
        audit.save()
        record(
            request,
            AuditAction.CHANGED,
            "case_audit",
            audit.pk,
            area=case.area,
            user=actor,
            detail=f"case {case.person_id}: {'submitted' if submit else 'saved'}"
            f"{', overall ' + audit.overall_grade if audit.overall_grade else ''}",
        )
    return audit


def moderate_case(
    *,
    actor,
    case: TrackedCase,
    agreed: dict[str, str],
    notes: str,
    request: HttpRequest | None = None,
) -> Moderation:
    """Record the grades the auditors agreed for each section, and so the case's agreed grade."""
    submitted = case.audits.filter(status=AuditStatus.SUBMITTED).count()
    if submitted < MIN_AUDITS_TO_MODERATE:
        raise ValidationError(
            f"Moderation compares independent audits: {MIN_AUDITS_TO_MODERATE} submitted audits "
            f"are needed and this case has {submitted}."
        )
    framework = framework_for(case.area)
    _check_grades(framework, agreed, complete=True)
    overall = framework.overall(agreed)
    assert overall is not None  # every active section is graded (checked above)
    with transaction.atomic():
        moderation = Moderation.objects.filter(case=case).first() or Moderation(case=case)
        moderation.agreed = {s.key: agreed[s.key] for s in framework.active_sections}
        moderation.overall_grade = overall.grade.key
        moderation.weighted_score = overall.weighted_score
        moderation.notes = notes[:TEXT_LIMIT]
        moderation.moderated_by = actor
        clean_model_text(moderation)
        moderation.save()
        record(
            request,
            AuditAction.CHANGED,
            "case_moderation",
            moderation.pk,
            area=case.area,
            user=actor,
            detail=f"case {case.person_id}: agreed {overall.grade.label.lower()} "
            f"({overall.weighted_score:.2f}) from {submitted} audits",
        )
    return moderation


def adapt_framework(
    *, actor, area: LocalArea, changes: dict, request: HttpRequest | None = None
) -> AreaAuditFramework:
    """Keep the area's changes to the audit framework (weights, guidance, sections in use)."""
    adapted = load_audit_framework().adapted(changes)
    if not adapted.active_sections:
        raise ValidationError("Keep at least one section with a weight above 0.")
    with transaction.atomic():
        own = AreaAuditFramework.objects.filter(area=area).first() or AreaAuditFramework(area=area)
        own.changes = changes
        own.updated_by = actor
        own.save()
        record(
            request,
            AuditAction.CHANGED,
            "case_audit_framework",
            own.pk,
            area=area,
            user=actor,
            detail=", ".join(f"{s.key} {s.weight:g}" for s in adapted.active_sections)[:500],
        )
    return own


def withdraw_audit(
    *, actor, audit: CaseAudit, reason: str, request: HttpRequest | None = None
) -> CaseAudit:
    """The auditor takes back their submitted audit (before the case is moderated), saying why; it is
    then theirs to change and submit again."""
    reason = (reason or "").strip()
    if audit.auditor_id != actor.pk:
        raise ValidationError("Only the auditor who submitted an audit can withdraw it.")
    if not reason:
        raise ValidationError({"reason": "Enter why you are withdrawing your audit"})
    with transaction.atomic():
        audit = CaseAudit.objects.select_for_update().select_related("case__area").get(pk=audit.pk)
        if audit.status != AuditStatus.SUBMITTED:
            raise ValidationError("Only a submitted audit can be withdrawn.")
        if Moderation.objects.filter(case_id=audit.case_id).exists():
            raise ValidationError(
                "This case has been moderated, so its audits can no longer be withdrawn. "
                "Ask the chair to moderate it again if a grade is wrong."
            )
        audit.status = AuditStatus.DRAFT
        audit.withdrawn_at = timezone.now()
        audit.withdrawn_reason = reason[:500]
        clean_model_text(audit)
        audit.save()
        record(
            request,
            AuditAction.CHANGED,
            "case_audit",
            audit.pk,
            area=audit.case.area,
            user=actor,
            detail=f"case {audit.case.person_id}: withdrawn ({audit.withdrawn_reason[:200]})",
        )
    return audit
