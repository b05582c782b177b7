"""Choices used by the request board and the evidence room."""

from django.db import models


class RequestState(models.TextChoices):
    """Mirrors the domain's states (domain/requests/data/request_rules.json); a test keeps them equal."""

    REQUESTED = "requested", "Requested"
    IN_PROGRESS = "in_progress", "In progress"
    READY_FOR_REVIEW = "ready_for_review", "Ready for review"
    RELEASED = "released", "Released"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Strand(models.TextChoices):
    """Which part of the partnership answers."""

    EDUCATION = "education", "Education"
    HEALTH = "health", "Health"
    CARE = "care", "Social care"
    PARTNERSHIP = "partnership", "Whole partnership"


class Organisation(models.TextChoices):
    """Which organisation the owner works for, for the LANO's view by organisation."""

    COUNCIL = "council", "Council"
    ICB = "icb", "Integrated care board (ICB)"
    PROVIDER = "provider", "Provider (school, college, health or care service)"
    OTHER = "other", "Other partner"


class EventKind(models.TextChoices):
    CREATED = "created", "Added"
    CHANGED = "changed", "Changed"
    MOVED = "moved", "Moved"
    COMMENT = "comment", "Comment"
    FILE_ADDED = "file_added", "File added"
    FILE_REMOVED = "file_removed", "File removed"
    RELEASED = "released", "Released"
