"""Choices used by tracked cases and case file audits."""

from django.db import models


class SelectionKind(models.TextChoices):
    PRACTICE = "practice", "Practice sample"
    INSPECTION = "inspection", "Named by inspectors"


class CaseStatus(models.TextChoices):
    TRACKED = "tracked", "Tracked"
    SUBSTITUTE = "substitute", "Substitute (not needed yet)"
    DECLINED = "declined", "Family declined"


class ConsentStatus(models.TextChoices):
    NOT_ASKED = "not_asked", "Not asked yet"
    GIVEN = "given", "Given"
    REFUSED = "refused", "Refused"


class ConsentMethod(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    PHONE = "phone", "By phone"
    EMAIL = "email", "By email"
    LETTER = "letter", "By letter"
    ONLINE = "online", "In an online meeting"


class EvidenceStatus(models.TextChoices):
    TO_DO = "to_do", "To do"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class Agency(models.TextChoices):
    EDUCATION = "education", "Education"
    HEALTH = "health", "Health"
    SOCIAL_CARE = "social_care", "Social care"
    PARTNERSHIP = "partnership", "Partnership (chair)"


class AuditStatus(models.TextChoices):
    DRAFT = "draft", "In progress"
    SUBMITTED = "submitted", "Submitted"


NOTES_LIMIT = 4000
