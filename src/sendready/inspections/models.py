"""Inspection records, their dated milestones, tasks, the on-site timetable and the team."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from sendready.areas.models import LocalArea
from sendready.inspections.constants import InspectionStatus, PartOfDay, TaskStatus


class InspectionQuerySet(models.QuerySet["Inspection"]):
    def for_area(self, area: LocalArea) -> "InspectionQuerySet":
        return self.filter(area=area)

    def active(self) -> "InspectionQuerySet":
        return self.filter(status=InspectionStatus.ACTIVE)


class Inspection(models.Model):
    """One inspection (or re-visit, or monitoring inspection) of a local area."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="inspections")
    framework = models.CharField(max_length=40)
    notified_on = models.DateField("date of notification")
    onsite_start = models.DateField("first on-site day", null=True, blank=True)
    onsite_end = models.DateField("last on-site day", null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=InspectionStatus.choices, default=InspectionStatus.ACTIVE
    )
    purpose = models.TextField(blank=True, max_length=2000)
    areas_of_focus = models.TextField(blank=True, max_length=4000, help_text="One per line.")
    survey_link = models.URLField(blank=True)
    pcf_meeting_date = models.DateField(null=True, blank=True)
    pcf_meeting_start = models.TimeField(null=True, blank=True)
    pcf_meeting_end = models.TimeField(null=True, blank=True)
    pcf_meeting_link = models.URLField(blank=True)
    pcf_meeting_phone = models.CharField(max_length=40, blank=True)
    pcf_meeting_conference_id = models.CharField(max_length=40, blank=True)
    contact_email = models.EmailField(blank=True)
    framework_settings = models.JSONField(
        default=dict,
        blank=True,
        help_text="Numbers the framework does not fix for certain, changed from their defaults.",
    )
    outcome_key = models.CharField("recorded outcome", max_length=40, blank=True)
    outcome_counts = models.JSONField(default=dict, blank=True)
    outcome_judgements = models.JSONField(
        default=dict,
        blank=True,
        help_text="Re-visits: area of weakness number -> sufficient or insufficient.",
    )
    outcome_findings = models.TextField(blank=True)
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = InspectionQuerySet.as_manager()

    class Meta:
        ordering = ["-notified_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["area"], condition=Q(status="active"), name="one_active_inspection_per_area"
            )
        ]

    def __str__(self) -> str:
        return f"{self.area} – notified {self.notified_on:%d %B %Y}"

    def focus_list(self) -> list[str]:
        return [line.strip() for line in self.areas_of_focus.splitlines() if line.strip()]


class Milestone(models.Model):
    """A dated step of the inspection, worked out from the framework."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="milestones")
    key = models.CharField(max_length=60)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    actor = models.CharField(max_length=120, blank=True)
    actor_label = models.CharField(max_length=120, blank=True)
    phase = models.CharField(max_length=20, blank=True)
    condition = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=200, blank=True)
    source_status = models.CharField(max_length=20, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["date", "time", "position"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "key"], name="one_milestone_per_key")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date})"


class ActualDate(models.Model):
    """A step's real date, entered by someone in the area: it replaces the framework's estimate."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="actual_dates"
    )
    name = models.CharField(
        max_length=80, help_text="A step key, or KEY_start / KEY_end of a window."
    )
    date = models.DateField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date", "name"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "name"], name="one_actual_date_per_name")
        ]

    def __str__(self) -> str:
        return f"{self.name} = {self.date}"


class Task(models.Model):
    """Work the local area must do for a milestone: who, by when, how far along."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="tasks")
    milestone = models.OneToOneField(
        Milestone, null=True, blank=True, on_delete=models.SET_NULL, related_name="task"
    )
    title = models.CharField(max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inspection_tasks",
    )
    due_at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=TaskStatus.choices, default=TaskStatus.TO_DO)
    notes = models.TextField(blank=True, max_length=4000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_at", "pk"]

    def __str__(self) -> str:
        return self.title


class TeamMember(models.Model):
    """A member of the inspection team, as named in the briefing."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="team")
    name = models.CharField(max_length=120)
    role = models.CharField(max_length=120)
    organisation = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name} – {self.role}"


class TimetableSession(models.Model):
    """One meeting or activity in the on-site timetable."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField()
    part_of_day = models.CharField(max_length=2, choices=PartOfDay.choices)
    start_time = models.TimeField()
    end_time = models.TimeField()
    title = models.CharField(max_length=200)
    focus = models.TextField(blank=True, max_length=4000)
    attendee_groups = models.JSONField(default=list, blank=True)
    place = models.CharField(max_length=200, blank=True)
    online_link = models.URLField(blank=True)

    class Meta:
        ordering = ["date", "start_time", "pk"]

    def __str__(self) -> str:
        return f"{self.date} {self.start_time:%H:%M} {self.title}"
