"""Choices used by inspections."""

from django.db import models


class InspectionStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    CONCLUDED = "concluded", "Concluded"
    WITHDRAWN = "withdrawn", "Withdrawn"


class TaskStatus(models.TextChoices):
    TO_DO = "to_do", "To do"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    NOT_NEEDED = "not_needed", "Not needed"


class PartOfDay(models.TextChoices):
    MORNING = "am", "Morning"
    AFTERNOON = "pm", "Afternoon"


class AttendeeGroup(models.TextChoices):
    LEADERS = "leaders", "Leaders"
    PCF = "pcf", "Parent carer forum"
    SENDIASS = "sendiass", "SENDIASS"
    SCHOOLS = "schools", "School leaders and SENCOs"
    HEALTH = "health", "Health"
    SOCIAL_CARE = "social_care", "Social care"
    YOUNG_PEOPLE = "young_people", "Young people's groups"
    PARENTS = "parents", "Parents and carers"
    PRACTITIONERS = "practitioners", "Practitioners"
    INSPECTORS = "inspectors", "Inspectors only"
