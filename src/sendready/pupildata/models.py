"""Dated snapshots of an area's person-level data, and the import runs that make them."""

from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone

from sendready.areas.models import LocalArea
from sendready.pupildata.constants import (
    PHASE_PERCENT,
    PHASE_TEXT,
    ExportStatus,
    ImportKind,
    RunStatus,
    SnapshotOrigin,
)


class SnapshotQuerySet(models.QuerySet["Snapshot"]):
    def for_area(self, area: LocalArea) -> "SnapshotQuerySet":
        return self.filter(area=area)

    def oldest_first(self) -> "SnapshotQuerySet":
        return self.order_by("snapshot_date", "created_at")


class Snapshot(models.Model):
    """One imported file as at a date: rows live in a Parquet file, figures cached as JSON."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="pupil_snapshots")
    snapshot_date = models.DateField()
    file_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    row_count = models.PositiveIntegerField(default=0)
    data_path = models.CharField(
        max_length=255, help_text="Parquet file: its name in the default storage."
    )
    indicators = models.JSONField(default=dict, blank=True)
    source = models.CharField(
        max_length=10, choices=SnapshotOrigin.choices, default=SnapshotOrigin.LAYOUT
    )
    sen2_tables = models.JSONField(
        default=dict,
        blank=True,
        help_text="The SEN2 return's detail tables (requests, assessments, plans, ...): Parquet names.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["-snapshot_date", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "snapshot_date"], name="one_snapshot_per_area_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.area.code} {self.snapshot_date}"

    @property
    def path(self) -> Path | None:
        """The Parquet file on this machine's disk (None when storage is an object store)."""
        from sendready.pupildata.storage import local_path

        return local_path(self.data_path)


class ImportRun(models.Model):
    """One attempt to import a file: progress while it runs, then every problem found."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="pupil_imports")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    upload_path = models.CharField(max_length=255, blank=True)
    kind = models.CharField(max_length=10, choices=ImportKind.choices, default=ImportKind.LAYOUT)
    snapshot_date = models.DateField()
    status = models.CharField(max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED)
    phase = models.CharField(max_length=20, default="queued")
    rows_checked = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    warnings = models.JSONField(default=list, blank=True)
    snapshot = models.ForeignKey(
        Snapshot, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_runs"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # A heartbeat: every step of the import moves it on; a run with none for too long has a dead worker.
    updated_at = models.DateTimeField(default=timezone.now)
    task_id = models.CharField(
        max_length=64, blank=True, help_text="The background task running it."
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (RunStatus.DONE, RunStatus.FAILED)

    @property
    def percent(self) -> int:
        return PHASE_PERCENT.get(self.phase, 0)

    @property
    def phase_text(self) -> str:
        return PHASE_TEXT.get(self.phase, self.phase)


class ExportJob(models.Model):
    """A snapshot written to XLSX in the background, kept in storage for a day to download."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="pupil_exports")
    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="exports")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    rows_written = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    file_name = models.CharField(
        max_length=255, blank=True, help_text="The XLSX: its name in the default storage."
    )
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Export of {self.snapshot_id} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED)

    @property
    def percent(self) -> int:
        if self.status == ExportStatus.DONE:
            return 100
        return int(90 * self.rows_written / self.rows_total) if self.rows_total else 0
