"""Test helpers other apps' tests use: a real snapshot and import run in an area."""

import datetime as dt
import tempfile
from pathlib import Path

from sendready.domain.person_level.generator import generate, write_csv
from sendready.pupildata import actions
from sendready.pupildata.models import ExportJob, ImportRun, Snapshot


def sample_snapshot_and_run(area, user, rows: int = 40) -> tuple[Snapshot, ImportRun]:
    """Import a small invented file as at 31 March 2025; return its snapshot and run."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.csv"
        write_csv(generate(rows, 5, as_of=dt.date(2025, 3, 31)), path)
        run = actions.import_path(
            actor=user, area=area, path=path, snapshot_date=dt.date(2025, 3, 31)
        )
    assert run.snapshot is not None, run.errors[:3]
    return run.snapshot, run


def sample_export(snapshot: Snapshot, user) -> ExportJob:
    """A finished background export of the snapshot (tests run tasks at once)."""
    from sendready.pupildata.exports import start_export

    return start_export(snapshot, user)
