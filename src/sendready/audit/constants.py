"""Choices used by the audit log."""

from django.db import models


class AuditAction(models.TextChoices):
    """What a person did that the audit log records."""

    VIEWED = "viewed", "Viewed"
    EXPORTED = "exported", "Exported"
    CREATED = "created", "Created"
    CHANGED = "changed", "Changed"
    DELETED = "deleted", "Deleted"
    IMPORTED = "imported", "Imported"
    DENIED = "denied", "Refused access"
    SIGN_IN_REFUSED = "sign_in_refused", "Sign-in refused"
    SIGN_IN_THROTTLED = "sign_in_throttled", "Sign-in held back"
