"""The SEN2 upload page: zip, nine files or XML; progress; every problem with its file; audited."""

import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.domain.sen2.generator import file_name, generate_blade
from sendready.domain.sen2.spec import load_spec
from sendready.pupildata.models import ImportRun, Snapshot

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def blade_files(persons=80, dirty=False):
    tables = generate_blade(persons, seed=11, today=TODAY, dirty=dirty)
    return [
        (file_name(TODAY, m.file), tables[m.key].write_csv().encode()) for m in load_spec().modules
    ]


def as_zip(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files:
            archive.writestr(name, data)
    return buffer.getvalue()


def post(client, people, files, day=TODAY):
    uploads = [SimpleUploadedFile(n, d, content_type="application/octet-stream") for n, d in files]
    return client.post(
        f"/areas/{people.area.code}/data/import/sen2/",
        {
            "return_files": uploads,
            "snapshot_date_day": day.day,
            "snapshot_date_month": day.month,
            "snapshot_date_year": day.year,
        },
        follow=True,
    )


def files_under(media):
    return sorted(p.name for p in media.rglob("*") if p.is_file())


def test_the_page_says_names_upns_ulns_and_postcodes_are_never_stored(client, people, lano):
    client.force_login(lano)
    page = client.get(f"/areas/{people.area.code}/data/import/sen2/").content.decode()
    assert "Names, UPNs, ULNs and postcodes in the return are never stored" in page
    assert 'multiple="multiple"' in page and "csrfmiddlewaretoken" in page


def test_a_zip_of_the_blade_export_imports_and_the_dashboard_says_where_rows_came_from(
    client, people, lano, media
):
    client.force_login(lano)
    page = post(client, people, [("Blade export.zip", as_zip(blade_files()))]).content.decode()
    assert "File imported" in page and "80 rows" in page
    snapshot = Snapshot.objects.get(area=people.area)
    assert snapshot.source == "sen2" and snapshot.uploaded_by == lano
    assert [p for p in files_under(media) if not p.endswith(".parquet")] == [], "upload deleted"
    assert AuditEvent.objects.filter(action=AuditAction.IMPORTED, area=people.area).exists()
    dashboard = client.get(f"/areas/{people.area.code}/data/").content.decode()
    assert "Rows from: <strong>The SEN2 return</strong>" in dashboard


def test_the_nine_csv_files_chosen_together_import_too(client, people, lano):
    client.force_login(lano)
    post(client, people, blade_files(40))
    run = ImportRun.objects.get()
    assert run.status == "done" and run.kind == "sen2" and run.file_name.startswith("9 files")
    assert Snapshot.objects.get().row_count == 40


def test_a_return_with_errors_imports_nothing_and_lists_file_row_and_column(
    client, people, lano, media
):
    client.force_login(lano)
    page = post(client, people, blade_files(dirty=True)).content.decode()
    assert "The file was not imported" in page and "Nothing was imported" in page
    assert "Blade-Export_" in page and "_requests.csv" in page and "persontableid" in page
    assert not Snapshot.objects.exists() and files_under(media) == []
    run = ImportRun.objects.get()
    problems = client.get(
        f"/areas/{people.area.code}/data/import/{run.pk}/problems.csv"
    ).content.decode("utf-8-sig")
    assert problems.splitlines()[0] == "File,Row,Column,Problem"
    assert AuditEvent.objects.filter(action=AuditAction.EXPORTED, object_id=str(run.pk)).exists()


def test_the_form_refuses_other_kinds_of_file_and_a_date_in_the_future(client, people, lano):
    client.force_login(lano)
    page = post(client, people, [("return.xlsx", b"x")]).content.decode()
    assert "must be a zip, CSV files or an XML file" in page and "There is a problem" in page
    page = post(client, people, blade_files(5), day=TODAY + dt.timedelta(days=3)).content.decode()
    assert "must be today or in the past" in page
    page = post(client, people, [("a.zip", b"PK"), ("b.csv", b"x")]).content.decode()
    assert "Select one zip or one XML file, or the CSV files only" in page
    assert not ImportRun.objects.exists()


def test_only_people_who_may_import_see_the_page_and_never_for_another_area(client, two_areas):
    people, _ = two_areas
    url = f"/areas/{people.area.code}/data/import/sen2/"
    client.force_login(people.by_role[Role.VIEWER])
    assert client.get(url).status_code == 403
    client.force_login(people.outsider)
    assert client.get(url).status_code in (403, 404)


def test_the_dashboard_says_when_rows_come_from_both_sources(client, people, lano, tmp_path):
    from sendready.pupildata import actions
    from tests.pupildata.conftest import csv_bytes

    path = tmp_path / "ours.csv"
    path.write_bytes(csv_bytes(30, as_of=TODAY))
    actions.import_path(actor=lano, area=people.area, path=path, snapshot_date=TODAY)
    client.force_login(lano)
    dashboard = client.get(f"/areas/{people.area.code}/data/").content.decode()
    assert "Rows from: <strong>Our person-level layout</strong>" in dashboard
    post(client, people, [("Blade export.zip", as_zip(blade_files(20)))])
    dashboard = client.get(f"/areas/{people.area.code}/data/").content.decode()
    assert (
        "Rows from: <strong>The SEN2 return joined with our person-level layout</strong>"
        in dashboard
    )
