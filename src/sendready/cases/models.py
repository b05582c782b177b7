"""Tracked cases (a practice sample or the cases inspectors named), their workspaces, and case file
audits with moderation."""

from django.conf import settings
from django.db import models

from sendready.areas.models import LocalArea
from sendready.cases.constants import (
    Agency,
    AuditStatus,
    CaseStatus,
    ConsentMethod,
    ConsentStatus,
    EvidenceStatus,
    SelectionKind,
)

USER = settings.AUTH_USER_MODEL


class CaseSelection(models.Model):
    """One set of tracked cases: a practice sample drawn by the rules, or the ids inspectors named."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="case_selections")
    kind = models.CharField(max_length=20, choices=SelectionKind.choices)
    title = models.CharField(max_length=200)
    mix = models.CharField(max_length=40, blank=True)
    seed = models.IntegerField(null=True, blank=True)
    snapshot_date = models.DateField(null=True, blank=True)
    mix_changes = models.JSONField(
        default=dict, blank=True, help_text="The LANO's changes to the mix (domain.cases.mixes)."
    )
    inspection = models.ForeignKey(
        "inspections.Inspection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The inspection whose inspectors named these cases; its timeline dates them.",
    )
    named_on = models.DateField(help_text="The day the cases were named.")
    documents_due = models.DateField()
    shortfalls = models.JSONField(default=list, blank=True)
    notes = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-named_on", "-created_at"]

    def __str__(self) -> str:
        return self.title


class TrackedCaseQuerySet(models.QuerySet["TrackedCase"]):
    def for_area(self, area: LocalArea) -> "TrackedCaseQuerySet":
        return self.filter(area=area)

    def visible_to(self, user, is_lano: bool) -> "TrackedCaseQuerySet":
        """The LANO sees every case; anyone else only the cases they are assigned to."""
        return self if is_lano else self.filter(members__user=user).distinct()


class TrackedCase(models.Model):
    """One child or young person's case (by pseudonymous id), tracked or held as a substitute."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="tracked_cases")
    selection = models.ForeignKey(CaseSelection, on_delete=models.CASCADE, related_name="cases")
    person_id = models.CharField(max_length=64)
    position = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=20, choices=CaseStatus.choices)
    reasons = models.JSONField(default=list, blank=True)
    profile = models.JSONField(default=dict, blank=True)
    substitute_for = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="substitutes"
    )
    replaces = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by"
    )
    declined_reason = models.CharField(max_length=500, blank=True)
    declined_on = models.DateField(null=True, blank=True)
    consent_status = models.CharField(
        max_length=20, choices=ConsentStatus.choices, default=ConsentStatus.NOT_ASKED
    )
    consent_by = models.CharField("who gave or refused consent", max_length=120, blank=True)
    consent_on = models.DateField(null=True, blank=True)
    consent_method = models.CharField(max_length=20, choices=ConsentMethod.choices, blank=True)
    meeting_on = models.DateField(null=True, blank=True)
    meeting_start = models.TimeField(null=True, blank=True)
    meeting_end = models.TimeField(null=True, blank=True)
    meeting_where = models.CharField(max_length=200, blank=True)
    pen_portrait = models.TextField(blank=True, max_length=8000)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TrackedCaseQuerySet.as_manager()

    class Meta:
        ordering = ["selection", "status", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["selection", "person_id"], name="one_case_per_person_per_selection"
            )
        ]

    def __str__(self) -> str:
        return f"Case {self.person_id}"


class ChronologyEntry(models.Model):
    """One dated event in the case's chronology (an assessment, a plan, a move, a meeting)."""

    case = models.ForeignKey(TrackedCase, on_delete=models.CASCADE, related_name="chronology")
    happened_on = models.DateField()
    event = models.CharField(max_length=500)
    agency = models.CharField(max_length=20, choices=Agency.choices, blank=True)
    added_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["happened_on", "added_at"]


class CaseMember(models.Model):
    """A person assigned to a case: the team around it, and who may see its workspace."""

    case = models.ForeignKey(TrackedCase, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="case_memberships")
    role_title = models.CharField(max_length=120)
    agency = models.CharField(max_length=20, choices=Agency.choices)
    is_auditor = models.BooleanField(default=False)

    class Meta:
        ordering = ["agency", "role_title"]
        constraints = [
            models.UniqueConstraint(fields=["case", "user"], name="one_membership_per_case")
        ]


class EvidenceTask(models.Model):
    """One item of the evidence inspectors ask for, with its owner and due day."""

    case = models.ForeignKey(TrackedCase, on_delete=models.CASCADE, related_name="evidence")
    key = models.CharField(max_length=40)
    title = models.CharField(max_length=200)
    owner = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    due_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=EvidenceStatus.choices, default=EvidenceStatus.TO_DO
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]


class CaseEvidenceFile(models.Model):
    """An uploaded document, kept in Django's default storage."""

    task = models.ForeignKey(EvidenceTask, on_delete=models.CASCADE, related_name="files")
    file_name = models.CharField(max_length=200)
    storage_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]


class AreaAuditFramework(models.Model):
    """An area's changes to the shipped case file audit framework (weights, guidance, sections)."""

    area = models.OneToOneField(LocalArea, on_delete=models.CASCADE, related_name="+")
    changes = models.JSONField(default=dict, blank=True)
    updated_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)


class CaseAudit(models.Model):
    """One auditor's independent audit of a case file."""

    case = models.ForeignKey(TrackedCase, on_delete=models.CASCADE, related_name="audits")
    auditor = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    agency = models.CharField(max_length=20, choices=Agency.choices)
    status = models.CharField(max_length=20, choices=AuditStatus.choices, default=AuditStatus.DRAFT)
    overall_grade = models.CharField(max_length=30, blank=True)
    weighted_score = models.FloatField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agency", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "auditor"], name="one_audit_per_auditor")
        ]


class SectionGrade(models.Model):
    """A graded judgement of one section, with strengths and areas to develop."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="grades")
    section = models.CharField(max_length=40)
    grade = models.CharField(max_length=30)
    strengths = models.TextField(blank=True)
    areas_to_develop = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["audit", "section"], name="one_grade_per_section")
        ]


class Moderation(models.Model):
    """The agreed grades for a case after comparing its auditors' grades."""

    case = models.OneToOneField(TrackedCase, on_delete=models.CASCADE, related_name="moderation")
    agreed = models.JSONField(default=dict)
    overall_grade = models.CharField(max_length=30)
    weighted_score = models.FloatField()
    notes = models.TextField(blank=True)
    moderated_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    moderated_at = models.DateTimeField(auto_now=True)
