"""Choices used by plans."""

from django.db import models

from sendready.domain.plans import PLAN_DATA


class ResponsibleBody(models.TextChoices):
    """Who the report holds responsible for an area of the plan."""

    COUNCIL = "council", "The council"
    ICB = "icb", "The integrated care board"
    BOTH = "both", "The council and the integrated care board"
    PROVIDER = "provider", "A named provider"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    BLOCKED = "blocked", "Blocked"
    COMPLETE = "complete", "Complete"


class Progress(models.TextChoices):
    """A re-visit's (or monitoring inspection's) judgement of one area of the plan."""

    SUFFICIENT = "sufficient", "Sufficient progress"
    INSUFFICIENT = "insufficient", "Insufficient progress"


AREA_KINDS: list[tuple[str, str]] = list(PLAN_DATA["area_kinds"].items())
PLAN_TYPES: list[tuple[str, str]] = [(t["key"], t["title"]) for t in PLAN_DATA["plan_types"]]


def default_area_title(kind: str, number: int) -> str:
    """What an area is called until someone names it, e.g. 'Significant weakness 1'."""
    label = PLAN_DATA["area_kinds"][kind]
    short = label.removeprefix("Area of ").removeprefix("Area for ")
    return f"{short[:1].upper()}{short[1:]} {number}"
