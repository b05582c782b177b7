"""What accounts keep about signing in: throttled sign-ins and steps a person must still take."""

from django.conf import settings
from django.db import models

from sendready.accounts.constants import ThrottleKey


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


class AccountSecurity(models.Model):
    """What a person must still do to sign in safely (one row per account that has anything to do)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="account_security",
    )
    # Set when someone else chose the password (accounts from before invitations by email, the
    # demo); cleared when the person chooses their own.
    must_choose_password = models.BooleanField(default=False)

    def __str__(self) -> str:
        return (
            f"{self.user}: {'must' if self.must_choose_password else 'need not'} choose a password"
        )


def must_choose_password(user) -> bool:
    """True when someone else set this person's password and they have not yet chosen their own."""
    return AccountSecurity.objects.filter(user=user, must_choose_password=True).exists()
