"""Finding files no snapshot or running import needs any more (left by a crash or a dead worker)."""

import time
from pathlib import Path

from sendready.pupildata.constants import RunStatus
from sendready.pupildata.models import ImportRun, Snapshot
from sendready.pupildata.storage import SNAPSHOT_DIR, UPLOAD_DIR, media_root


def orphaned_files(older_than_seconds: float) -> list[Path]:
    """Snapshot and upload files that nothing refers to, and that are older than the given age."""
    root = media_root()
    kept = {(root / p).resolve() for p in Snapshot.objects.values_list("data_path", flat=True) if p}
    unfinished = ImportRun.objects.exclude(status__in=[RunStatus.DONE, RunStatus.FAILED])
    kept |= {Path(p).resolve() for p in unfinished.values_list("upload_path", flat=True) if p}
    cutoff = time.time() - older_than_seconds
    found = []
    for folder in (root / SNAPSHOT_DIR, root / UPLOAD_DIR):
        if not folder.exists():
            continue
        for path in folder.rglob("*"):
            if path.is_file() and path.resolve() not in kept and path.stat().st_mtime < cutoff:
                found.append(path)
    return sorted(found)
