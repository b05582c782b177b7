"""Choices for person-level data imports and snapshots."""

from django.db import models


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    VALIDATING = "validating", "Checking the file"
    WRITING = "writing", "Saving the snapshot"
    DONE = "done", "Imported"
    FAILED = "failed", "Not imported"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    WRITING = "writing", "Writing the spreadsheet"
    DONE = "done", "Ready to download"
    FAILED = "failed", "Not exported"


# How far through an import each phase is, for the progress bar.
PHASE_PERCENT = {
    "queued": 0,
    "reading": 5,
    "checking": 30,
    "indicators": 75,
    "writing": 90,
    "done": 100,
    "failed": 100,
}
PHASE_TEXT = {
    "queued": "Waiting to start",
    "reading": "Reading the file",
    "checking": "Checking every row",
    "indicators": "Working out the indicators",
    "writing": "Saving the snapshot",
    "done": "Imported",
    "failed": "Not imported",
}


class SnapshotOrigin(models.TextChoices):
    """Where a snapshot's rows came from."""

    LAYOUT = "layout", "Our person-level layout"
    SEN2 = "sen2", "The SEN2 return"
    BOTH = "both", "The SEN2 return joined with our person-level layout"


class ImportKind(models.TextChoices):
    LAYOUT = "layout", "Person-level file"
    SEN2 = "sen2", "SEN2 return"
