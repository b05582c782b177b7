"""Getting snapshots and import runs: always inside the area the person was checked for."""

from django.shortcuts import get_object_or_404

from sendready.areas.models import LocalArea
from sendready.pupildata.models import ImportRun, Snapshot


def get_snapshot(area: LocalArea, snapshot_id: int) -> Snapshot:
    """The snapshot, if it belongs to the (already checked) area."""
    return get_object_or_404(Snapshot.objects.for_area(area).select_related("area"), pk=snapshot_id)


def latest_snapshot(area: LocalArea) -> Snapshot | None:
    """The area's most recent snapshot, or None before the first import."""
    return Snapshot.objects.for_area(area).order_by("-snapshot_date", "-created_at").first()


def get_run(area: LocalArea, run_id: int) -> ImportRun:
    """An import run in the area."""
    return get_object_or_404(ImportRun.objects.filter(area=area), pk=run_id)
