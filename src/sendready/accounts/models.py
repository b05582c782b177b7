"""Local areas, memberships and the audit log."""

from django.conf import settings
from django.db import models

from sendready.accounts.constants import AuditAction, Role, ThrottleKey


class LocalAreaQuerySet(models.QuerySet["LocalArea"]):
    def for_user(self, user) -> "LocalAreaQuerySet":
        """Areas the person belongs to."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user).distinct()

    def current(self) -> "LocalAreaQuerySet":
        """Areas that exist today (not abolished ones kept for history)."""
        return self.filter(is_current=True)

    def national(self) -> "LocalAreaQuerySet":
        """The real English local areas (not fictional demo areas)."""
        return self.filter(is_fictional=False)


class LocalArea(models.Model):
    """A local area partnership: a council footprint and its health partners. The tenant."""

    code = models.CharField("ONS code", max_length=9, unique=True)
    old_la_code = models.CharField("LA code", max_length=3, blank=True)
    name = models.CharField(max_length=120)
    region = models.CharField(max_length=60, blank=True)
    is_current = models.BooleanField(default=True)
    is_fictional = models.BooleanField(default=False)

    objects = LocalAreaQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person's role in one local area."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    job_title = models.CharField(max_length=120, blank=True)
    organisation = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "area"], name="one_role_per_area")]
        ordering = ["area__name"]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} in {self.area}"


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
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.object_type}"


class SignInThrottle(models.Model):
    """Failed sign-ins in a row for one username or one client address, and when the next try is allowed."""

    kind = models.CharField(max_length=10, choices=ThrottleKey.choices)
    key = models.CharField(max_length=150)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField()
    blocked_until = models.DateTimeField(null=True, blank=True)
    # Tries refused during the current wait: the first is audited, the rest only counted.
    held_back = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="one_throttle_per_key")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}: {self.failures} failures"
