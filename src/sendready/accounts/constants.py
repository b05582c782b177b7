"""Choices used by accounts."""

from django.db import models


class Role(models.TextChoices):
    """What a person does in a local area; access is decided by it."""

    LANO = "lano", "Local area nominated officer"
    SENIOR_LEADER = "senior_leader", "Senior leader"
    SYSTEM_LEAD = "system_lead", "System lead"
    PRACTITIONER = "practitioner", "Practitioner"
    HEALTH_LEAD = "health_lead", "Health lead"
    PCF_REP = "pcf_rep", "Parent carer forum representative"
    VIEWER = "viewer", "Viewer"


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


class ThrottleKey(models.TextChoices):
    """What a run of failed sign-ins is counted against."""

    USERNAME = "username", "Username"
    ADDRESS = "address", "Client address"
