"""The audit log: one row for each view, export or change of what the log covers."""

from django.conf import settings
from django.db import models

from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def for_area(self, area: LocalArea) -> "AuditEventQuerySet":
        return self.filter(area=area)

    def sign_in_problems(self, since) -> "AuditEventQuerySet":
        """Refused and held-back sign-ins since a moment, newest first."""
        return self.filter(
            action__in=[AuditAction.SIGN_IN_REFUSED, AuditAction.SIGN_IN_THROTTLED], at__gte=since
        )


class AuditEvent(models.Model):
    """Who viewed, exported or changed what, and when. Rows are never edited."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)
    # PROTECT: an area with an audit trail cannot be deleted, so its trail is never orphaned.
    area = models.ForeignKey(LocalArea, null=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=64, blank=True)
    detail = models.CharField(max_length=500, blank=True)
    path = models.CharField(max_length=500, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        # The table kept its name when the audit log moved out of accounts (docs/decisions.md).
        db_table = "accounts_auditevent"
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.object_type}"
