"""A worker killed mid-import: its run is marked failed (on worker start, or after a timeout), its upload
removed, and the page says what to do."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sendready.pupildata import actions, recovery
from sendready.pupildata.cleanup import orphaned_files
from sendready.pupildata.constants import RunStatus
from sendready.pupildata.models import ImportRun
from tests.pupildata.conftest import AS_OF, csv_bytes

pytestmark = pytest.mark.django_db


def _stuck_run(people, lano, tmp_path, *, minutes_ago: float) -> ImportRun:
    """A run as a killed worker leaves it: checking, its upload still on disk."""
    source = tmp_path / "pupils.csv"
    source.write_bytes(csv_bytes(20))
    upload = actions.copy_for_import(path=source)
    run = ImportRun.objects.create(
        area=people.area,
        uploaded_by=lano,
        file_name="pupils.csv",
        upload_path=str(upload),
        snapshot_date=AS_OF,
        status=RunStatus.VALIDATING,
        phase="checking",
    )
    ImportRun.objects.filter(pk=run.pk).update(
        updated_at=timezone.now() - dt.timedelta(minutes=minutes_ago)
    )
    run.refresh_from_db()
    return run


def test_a_run_with_no_progress_for_too_long_is_failed_and_its_upload_removed(
    client, people, lano, tmp_path
):
    run = _stuck_run(people, lano, tmp_path, minutes_ago=60)
    upload = run.upload_path
    client.force_login(lano)
    page = client.get(f"/areas/{people.area.code}/data/import/{run.pk}/").content.decode()
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and run.finished_at
    assert "The import stopped before it finished" in page and "Upload the file again" in page
    assert not Path(upload).exists()


def test_a_recent_run_is_left_alone(people, lano, tmp_path):
    run = _stuck_run(people, lano, tmp_path, minutes_ago=1)
    assert recovery.fail_dead_runs() == []
    run.refresh_from_db()
    assert run.status == RunStatus.VALIDATING


def test_a_restarted_worker_fails_the_run_it_was_running(people, lano, tmp_path, monkeypatch):
    run = _stuck_run(people, lano, tmp_path, minutes_ago=1)
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [run.pk], "kwargs": {}},
        task_path="sendready.pupildata.tasks.run_import",
        backend_name="default",
        run_after=timezone.now(),
        status="RUNNING",
        worker_ids=["web1-a"],
    )
    ImportRun.objects.filter(pk=run.pk).update(task_id=str(task.pk))
    started = []
    monkeypatch.setattr(
        "sendready.pupildata.management.commands.worker.call_command",
        lambda *args, **kwargs: started.append(kwargs["worker_id"]),
    )
    call_command("worker", worker_id="web1-b")  # another worker: not its run
    run.refresh_from_db()
    assert run.status == RunStatus.VALIDATING
    call_command("worker", worker_id="web1-a")
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and started == ["web1-b", "web1-a"]


def test_clean_files_no_longer_protects_the_upload_of_a_dead_run(people, lano, tmp_path):
    run = _stuck_run(people, lano, tmp_path, minutes_ago=60)
    call_command("clean_files", older_than_hours=0)
    assert orphaned_files(0) == []
    assert not Path(run.upload_path).exists()


def test_a_run_queued_by_another_task_backend_is_judged_by_its_progress_alone(
    client, people, lano, tmp_path
):
    run = _stuck_run(people, lano, tmp_path, minutes_ago=1)
    ImportRun.objects.filter(pk=run.pk).update(task_id="CwvxJzljH8W88tppPUCoE5gPtWGYqsIQ")
    client.force_login(lano)
    assert (
        client.get(f"/areas/{people.area.code}/data/import/{run.pk}/progress.json").json()[
            "finished"
        ]
        is False
    )
