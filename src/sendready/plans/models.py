"""Improvement plans: the plan, its areas, actions, dated updates, measures, judgements and history."""

from django.conf import settings
from django.db import models

from sendready.areas.models import LocalArea
from sendready.plans.constants import (
    AREA_KINDS,
    PLAN_TYPES,
    ActionStatus,
    Progress,
    ResponsibleBody,
)


class PlanQuerySet(models.QuerySet["Plan"]):
    def for_area(self, area: LocalArea) -> "PlanQuerySet":
        return self.filter(area=area)


class Plan(models.Model):
    """One improvement plan of a local area, answering an inspection or re-visit (or none)."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="plans")
    plan_type = models.CharField(max_length=40, choices=PLAN_TYPES)
    title = models.CharField(max_length=200)
    inspection = models.ForeignKey(
        "inspections.Inspection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plans",
    )
    due_date = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "plan_type"], name="one_plan_of_a_type_per_inspection"
            )
        ]

    def __str__(self) -> str:
        return self.title


class PlanArea(models.Model):
    """An area of the plan: a significant weakness, area for priority action or for improvement."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="areas")
    kind = models.CharField(max_length=40, choices=AREA_KINDS)
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True, max_length=4000)
    responsible_body = models.CharField(
        max_length=20, choices=ResponsibleBody.choices, default=ResponsibleBody.BOTH
    )
    provider_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_plan_area_per_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class PlanAction(models.Model):
    """Something the area promised to do, with its owner and dates."""

    plan_area = models.ForeignKey(PlanArea, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="plan_actions"
    )
    start_date = models.DateField(null=True, blank=True)
    due_date = models.DateField()
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )

    class Meta:
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(due_date__gte=models.F("start_date")),
                name="plan_action_due_on_or_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title


class ActionUpdate(models.Model):
    """A dated note of progress on an action, with an optional link to the evidence."""

    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField()
    note = models.TextField(max_length=4000)
    evidence_url = models.URLField(blank=True, max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date}: {self.note[:40]}"


class PlanMeasure(models.Model):
    """A measure of success; `indicator_id` makes its current value follow a person-level indicator."""

    plan_area = models.ForeignKey(PlanArea, on_delete=models.CASCADE, related_name="measures")
    name = models.CharField(max_length=300)
    baseline = models.FloatField()
    target = models.FloatField()
    current = models.FloatField(null=True, blank=True)
    lower_is_better = models.BooleanField(default=False)
    indicator_id = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Judgement(models.Model):
    """A re-visit's or monitoring inspection's judgement of one area of the plan."""

    plan_area = models.ForeignKey(PlanArea, on_delete=models.CASCADE, related_name="judgements")
    inspection = models.ForeignKey(
        "inspections.Inspection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    judgement = models.CharField(max_length=20, choices=Progress.choices)
    date = models.DateField()
    findings = models.TextField(blank=True, max_length=4000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan_area", "inspection"], name="one_judgement_per_area_per_inspection"
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan_area}: {self.judgement} ({self.date})"


class PlanFieldChange(models.Model):
    """One changed field of something in a plan: the history the plan on any date is rebuilt from."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="changes")
    at = models.DateTimeField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_kind = models.CharField(max_length=20)
    object_id = models.PositiveIntegerField()
    field = models.CharField(max_length=40)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["plan", "at"])]

    def __str__(self) -> str:
        return f"{self.object_kind}:{self.object_id}.{self.field} at {self.at}"


# Reports and reminders live in their own module; imported here so Django finds the models.
from sendready.plans.report_models import MonitoringReport, ReminderSent  # noqa: E402

__all__ = [
    "ActionUpdate",
    "Judgement",
    "MonitoringReport",
    "Plan",
    "PlanAction",
    "PlanArea",
    "PlanFieldChange",
    "PlanMeasure",
    "ReminderSent",
]
