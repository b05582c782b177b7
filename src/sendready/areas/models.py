"""Local areas and who belongs to them."""

from django.conf import settings
from django.db import models

from sendready.areas.constants import Role


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
        # The table kept its name when areas moved out of accounts (docs/decisions.md).
        db_table = "accounts_localarea"
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
        db_table = "accounts_membership"
        constraints = [models.UniqueConstraint(fields=["user", "area"], name="one_role_per_area")]
        ordering = ["area__name"]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} in {self.area}"
