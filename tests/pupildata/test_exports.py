"""Large exports run in the background into storage, are audited on download and cleaned up after a day."""

import datetime as dt
import io
from io import StringIO

import openpyxl
import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.pupildata.models import ExportJob

pytestmark = pytest.mark.django_db


def test_a_large_export_is_written_in_the_background_then_downloaded(
    client, people, lano, snapshot, settings
):
    settings.PUPIL_EXPORT_INLINE_ROWS = 100  # the 300-row snapshot counts as large
    client.force_login(lano)
    url = f"/areas/{people.area.code}/data/snapshots/{snapshot.pk}/export.xlsx"
    start = client.get(url)
    assert start.status_code == 200 and "Prepare the spreadsheet" in start.content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORTED).exists()
    response = client.post(url)
    job = ExportJob.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/data/exports/{job.pk}/")
    assert job.status == "done" and job.rows_written == 300
    assert job.file_name.startswith(f"exports/{people.area.code}/") and default_storage.exists(
        job.file_name
    )
    page = client.get(response.url)
    assert "Spreadsheet ready" in page.content.decode() and "no-store" in page["Cache-Control"]
    download = client.get(f"/areas/{people.area.code}/data/exports/{job.pk}/download.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert book["Pupils"].max_row == 301
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORTED, object_id=str(snapshot.pk), user=lano
    ).exists()


def test_an_export_is_kept_for_a_day_then_cleaned_up_like_uploads(
    client, people, lano, snapshot, settings
):
    settings.PUPIL_EXPORT_INLINE_ROWS = 100
    client.force_login(lano)
    client.post(f"/areas/{people.area.code}/data/snapshots/{snapshot.pk}/export.xlsx")
    job = ExportJob.objects.get()
    call_command("clean_files", older_than_hours=0, stdout=StringIO())
    assert default_storage.exists(job.file_name), "a live export is kept"
    ExportJob.objects.filter(pk=job.pk).update(finished_at=job.finished_at - dt.timedelta(hours=25))
    assert (
        client.get(f"/areas/{people.area.code}/data/exports/{job.pk}/download.xlsx").status_code
        == 404
    )
    call_command("clean_files", older_than_hours=0, stdout=StringIO())
    assert not default_storage.exists(job.file_name)


def test_another_area_cannot_see_or_download_an_export(client, two_areas, lano, snapshot, settings):
    from sendready.pupildata.testing import sample_export

    people, _ = two_areas
    job = sample_export(snapshot, lano)
    client.force_login(people.outsider)
    assert (
        client.get(f"/areas/{people.area.code}/data/exports/{job.pk}/download.xlsx").status_code
        == 404
    )
    client.force_login(people.by_role[Role.PRACTITIONER])
    assert (
        client.get(f"/areas/{people.area.code}/data/exports/{job.pk}/download.xlsx").status_code
        == 403
    )


def test_snapshots_and_uploads_go_through_the_storage_api(people, lano, tmp_path, monkeypatch):
    """Every write is a storage save, so an object store configured in STORAGES receives them."""
    from sendready.pupildata import actions
    from tests.pupildata.conftest import AS_OF, csv_bytes

    saved = []
    original = type(
        default_storage._wrapped if hasattr(default_storage, "_wrapped") else default_storage
    ).save

    def spy(self, name, content, max_length=None):
        saved.append(name)
        return original(self, name, content, max_length=max_length)

    default_storage.exists("x")  # set the lazy object up
    monkeypatch.setattr(type(default_storage._wrapped), "save", spy)
    path = tmp_path / "p.csv"
    path.write_bytes(csv_bytes(30))
    run = actions.start_import(
        actor=lano,
        area=people.area,
        source=actions.copy_for_import(path=path),
        file_name="p.csv",
        snapshot_date=AS_OF,
        background=False,
    )
    assert run.status == "done"
    assert [n.split("/")[0] for n in saved] == ["uploads", "snapshots"]
    assert not default_storage.exists(saved[0]), "the upload is removed after its import"


def test_a_filtered_dashboard_hides_small_counts_from_roles_that_cannot_see_rows(
    client, people, lano, snapshot
):
    from sendready.pupildata import figures

    filtered = figures.indicators_for(snapshot, {"primary_need": ["SLD"]})
    small = [i for i in filtered.indicators.values() if i.unit == "count" and 0 < i.value < 5]
    assert small, "the sample needs a small filtered count to hide"
    url = f"/areas/{people.area.code}/data/?need=SLD"
    client.force_login(people.by_role[Role.VIEWER])
    viewer_page = client.get(url).content.decode()
    assert "Fewer than 5" in viewer_page
    client.force_login(lano)
    assert "Fewer than 5" not in client.get(url).content.decode()
    client.force_login(people.by_role[Role.VIEWER])
    assert "Fewer than 5" not in client.get(f"/areas/{people.area.code}/data/").content.decode()


def test_an_export_whose_worker_died_is_marked_failed_with_a_retry(client, people, lano, snapshot):
    from django.utils import timezone

    job = ExportJob.objects.create(
        area=people.area, snapshot=snapshot, requested_by=lano, status="writing", rows_total=300
    )
    ExportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - dt.timedelta(hours=1))
    client.force_login(lano)
    page = client.get(f"/areas/{people.area.code}/data/exports/{job.pk}/").content.decode()
    job.refresh_from_db()
    assert job.status == "failed" and "Try again" in page
