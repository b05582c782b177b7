"""Files left behind by a crash are found and removed; a snapshot's own file never is."""

import os
import time
from io import StringIO
from pathlib import Path

from django.core.management import call_command


def _old(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"left behind")
    past = time.time() - 3 * 86400
    os.utime(path, (past, past))
    return path


def test_clean_files_removes_orphans_but_keeps_every_snapshot(snapshot, media):
    kept = Path(media) / snapshot.data_path
    os.utime(kept, (time.time() - 3 * 86400,) * 2)
    orphan = _old(Path(media) / "snapshots" / "E99000001" / "crashed.parquet")
    upload = _old(Path(media) / "uploads" / "dead-worker.csv")
    out = StringIO()
    call_command("clean_files", "--dry-run", stdout=out)
    assert "2 file(s) to remove" in out.getvalue() and orphan.exists()
    call_command("clean_files", stdout=StringIO())
    assert kept.exists() and not orphan.exists() and not upload.exists()
