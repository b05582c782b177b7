"""An area's self-evaluation (SEF) against one version of the criteria, its evidence log and Annex A."""

from django.conf import settings
from django.db import models

from sendready.areas.models import LocalArea
from sendready.selfevaluation.constants import AnnexStatus

USER = settings.AUTH_USER_MODEL


class SelfEvaluation(models.Model):
    """The area's SEF for one criteria version, with its overall self-assessment answers."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="self_evaluations")
    framework = models.CharField(max_length=40)
    criteria_version = models.CharField(max_length=20)
    positive_experiences = models.BooleanField(null=True, blank=True)
    strong_outcomes = models.BooleanField(null=True, blank=True)
    taking_action = models.BooleanField(null=True, blank=True)
    priority_actions = models.PositiveIntegerField(null=True, blank=True)
    assessment_rationale = models.TextField(blank=True, max_length=4000)
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The self-evaluation of the earlier criteria version this one was moved from.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "criteria_version"], name="one_sef_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.area} self-evaluation ({self.criteria_version})"

    @property
    def assessed(self) -> bool:
        return None not in (
            self.positive_experiences,
            self.strong_outcomes,
            self.taking_action,
            self.priority_actions,
        )


class CriterionEntry(models.Model):
    """The area's answer on one criterion: its lead, position, rationale and the three questions."""

    sef = models.ForeignKey(SelfEvaluation, on_delete=models.CASCADE, related_name="entries")
    key = models.CharField(max_length=40)
    lead = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.CharField(max_length=20, blank=True)
    rationale = models.TextField(blank=True, max_length=4000)
    what_we_know = models.TextField(blank=True, max_length=8000)
    what_it_means = models.TextField(blank=True, max_length=8000)
    what_next = models.TextField(blank=True, max_length=8000)
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sef", "key"], name="one_entry_per_criterion")
        ]

    def __str__(self) -> str:
        return self.key


class Change(models.Model):
    """One changed value of the SEF: who, when, what it was and what it became. Never edited."""

    sef = models.ForeignKey(SelfEvaluation, on_delete=models.CASCADE, related_name="changes")
    criterion_key = models.CharField(max_length=40, blank=True)
    field = models.CharField(max_length=40)
    label = models.CharField(max_length=120)
    old = models.TextField(blank=True, max_length=8000)
    new = models.TextField(blank=True, max_length=8000)
    by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    by_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.criterion_key or 'overall'} {self.field}"


class Comment(models.Model):
    """A comment on a criterion, for co-production with the parent carer forum and partners."""

    sef = models.ForeignKey(SelfEvaluation, on_delete=models.CASCADE, related_name="comments")
    criterion_key = models.CharField(max_length=40)
    author = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    author_name = models.CharField(max_length=150, blank=True)
    role = models.CharField(max_length=60, blank=True)
    text = models.TextField(max_length=2000)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.author_name} on {self.criterion_key}"


class StoredFile(models.Model):
    """Abstract: a link or a file kept in the default storage (so several app servers share it)."""

    link = models.URLField(blank=True)
    file_path = models.CharField(max_length=255, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    file_size = models.PositiveBigIntegerField(default=0)

    class Meta:
        abstract = True


class Evidence(StoredFile):
    """An item of the evidence log, supporting one or more criteria."""

    sef = models.ForeignKey(SelfEvaluation, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=40)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True, max_length=4000)
    evidence_date = models.DateField()
    review_by = models.DateField(null=True, blank=True)
    owner = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    co_produced = models.BooleanField(default=False)
    criteria = models.JSONField(default=list)
    indicator_id = models.CharField(max_length=60, blank=True)
    indicator_title = models.CharField(max_length=200, blank=True)
    indicator_unit = models.CharField(max_length=20, blank=True)
    indicator_value = models.FloatField(null=True, blank=True)
    indicator_as_of = models.DateField(null=True, blank=True)
    # A finding pinned from another capability (tracked cases' audit themes, survey results): its
    # source and key find it again live; `finding_pinned` keeps its title, summary and table as pinned.
    finding_source = models.CharField(max_length=40, blank=True)
    finding_key = models.CharField(max_length=120, blank=True)
    finding_pinned = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-evidence_date", "-pk"]

    def __str__(self) -> str:
        return self.title


class AnnexItem(StoredFile):
    """One item of an inspection's Annex A checklist: the framework's default list, adapted."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="annex_a_items")
    # By name, not import: the inspections app owns the record; the checklist belongs to one
    # inspection (live or practice). Empty only for items made before checklists had an inspection;
    # the next checklist started in the area takes them over.
    inspection = models.ForeignKey(
        "inspections.Inspection",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="annex_a_items",
    )
    framework = models.CharField(max_length=40)
    key = models.CharField(max_length=60)
    title = models.CharField(max_length=200)
    default_title = models.CharField(max_length=200, blank=True)
    confirmed = models.BooleanField(default=False)
    source = models.CharField(max_length=120, blank=True)
    due_step = models.CharField(max_length=60)
    owner = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=20, choices=AnnexStatus.choices, default="to_do")
    notes = models.TextField(blank=True, max_length=2000)
    position = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "key"], name="one_annex_item_per_key_per_inspection"
            )
        ]

    def __str__(self) -> str:
        return self.title
