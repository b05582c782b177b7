"""Choices used by areas."""

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
