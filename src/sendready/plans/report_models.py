"""What was produced from a plan: monitoring reports (so "since the last report" has a date) and the
reminders sent about actions falling due (so a rerun never emails the same reminder twice)."""

from django.conf import settings
from django.db import models


class MonitoringReport(models.Model):
    """A monitoring report produced for a meeting with the Department for Education and NHS England."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="reports")
    meeting_date = models.DateField()
    produced_at = models.DateTimeField(auto_now_add=True)
    produced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-meeting_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "meeting_date"], name="one_monitoring_report_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan} for the meeting of {self.meeting_date}"


class ReminderSent(models.Model):
    """One reminder emailed about an action with a given due date; a new due date earns a new one."""

    action = models.ForeignKey(
        "plans.PlanAction", on_delete=models.CASCADE, related_name="reminders"
    )
    due_date = models.DateField()
    kind = models.CharField(max_length=20)  # "due_soon" or "overdue"
    sent_to = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "due_date", "kind"], name="one_reminder_per_action_due_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} reminder for action {self.action_id} due {self.due_date}"
