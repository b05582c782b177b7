"""Choices and limits used by the self-evaluation."""

from django.db import models

from sendready.domain.inspection import annex_a


class AnnexStatus(models.TextChoices):
    """An Annex A item's status (the domain's keys, so completeness is counted one way)."""

    TO_DO = annex_a.TO_DO, annex_a.ITEM_STATUSES[annex_a.TO_DO]
    IN_PROGRESS = annex_a.IN_PROGRESS, annex_a.ITEM_STATUSES[annex_a.IN_PROGRESS]
    READY = annex_a.READY, annex_a.ITEM_STATUSES[annex_a.READY]
    NOT_NEEDED = annex_a.NOT_NEEDED, annex_a.ITEM_STATUSES[annex_a.NOT_NEEDED]


# Files people attach as evidence or Annex A documents: what councils use, checked by content too.
ALLOWED_FILES = (
    ".pdf",
    ".docx",
    ".xlsx",
    ".pptx",
    ".odt",
    ".ods",
    ".csv",
    ".txt",
    ".png",
    ".jpg",
    ".jpeg",
)
OVERALL = ""  # the criterion key under which changes to the overall self-assessment are logged
