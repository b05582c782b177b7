"""Choices used by surveys."""

from django.db import models


class Audience(models.TextChoices):
    """Who a survey is for (the keys of the question bank)."""

    PARENTS_CARERS = "parents_carers", "Parents and carers"
    CHILDREN_YOUNG_PEOPLE = "children_young_people", "Children and young people"
    PRACTITIONERS = "practitioners", "Practitioners"


class SurveyStatus(models.TextChoices):
    """Where a survey's wording stands with the parent carer forum."""

    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "With the parent carer forum"
    CHANGES_REQUESTED = "changes_requested", "Changes asked for"
    APPROVED = "approved", "Approved"


class Decision(models.TextChoices):
    APPROVED = "approved", "Approve the wording"
    CHANGES_REQUESTED = "changes_requested", "Ask for changes"
