"""Finding stored files no snapshot, running import or live export needs (left by a crash or a dead worker)."""

import datetime as dt
import posixpath

from django.core.files.storage import default_storage
from django.utils import timezone

from sendready.pupildata.constants import RunStatus
from sendready.pupildata.models import ImportRun, Snapshot
from sendready.pupildata.storage import EXPORT_DIR, SNAPSHOT_DIR, TEMPORARY_DIR, UPLOAD_DIR


def _walk(folder: str) -> list[str]:
    if not default_storage.exists(folder):
        return []
    folders, files = default_storage.listdir(folder)
    found = [posixpath.join(folder, f) for f in files]
    for sub in folders:
        found += _walk(posixpath.join(folder, sub))
    return found


def kept_names() -> set[str]:
    """Storage names something still refers to."""
    kept = set(Snapshot.objects.exclude(data_path="").values_list("data_path", flat=True))
    for tables in Snapshot.objects.exclude(sen2_tables={}).values_list("sen2_tables", flat=True):
        kept |= set(tables.values())
    unfinished = ImportRun.objects.exclude(status__in=[RunStatus.DONE, RunStatus.FAILED])
    kept |= set(unfinished.exclude(upload_path="").values_list("upload_path", flat=True))
    from sendready.pupildata.exports import live_export_names

    return kept | live_export_names()


def orphaned_files(older_than_seconds: float) -> list[str]:
    """Stored snapshot, upload, export and temporary files nothing refers to, older than the given age."""
    kept = kept_names()
    cutoff = timezone.now() - dt.timedelta(seconds=older_than_seconds)
    found = []
    for folder in (SNAPSHOT_DIR, UPLOAD_DIR, EXPORT_DIR, TEMPORARY_DIR):
        for name in _walk(folder):
            if name not in kept and default_storage.get_modified_time(name) < cutoff:
                found.append(name)
    return sorted(found)
