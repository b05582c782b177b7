"""Uploading a file: progress, the result, and every problem when it fails (nothing imported then)."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.pupildata.models import ImportRun, Snapshot
from tests.pupildata.conftest import AS_OF, csv_bytes

pytestmark = pytest.mark.django_db


def upload(
    client, people, data: bytes, name: str = "pupils.csv", day: dt.date = AS_OF, follow=True
):
    file = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return client.post(
        f"/areas/{people.area.code}/data/import/",
        {
            "file": file,
            "snapshot_date_day": day.day,
            "snapshot_date_month": day.month,
            "snapshot_date_year": day.year,
        },
        follow=follow,
    )


def files_under(media):
    return sorted(p.name for p in media.rglob("*") if p.is_file())


def test_a_good_file_imports_as_a_dated_snapshot_and_the_page_says_so(client, people, lano, media):
    client.force_login(lano)
    response = upload(client, people, csv_bytes(250))
    page = response.content.decode()
    assert "File imported" in page and "250 rows" in page
    snapshot = Snapshot.objects.get(area=people.area)
    assert (
        snapshot.snapshot_date == AS_OF
        and snapshot.row_count == 250
        and snapshot.uploaded_by == lano
    )
    assert snapshot.path.exists() and snapshot.indicators["indicators"][0]["value"] == 250
    run = ImportRun.objects.get()
    assert run.status == "done" and run.rows_total == 250 and run.rows_checked == 250
    assert run.started_at and run.finished_at
    assert files_under(media) == [snapshot.path.name], "the upload must be deleted after the import"
    assert AuditEvent.objects.filter(action=AuditAction.IMPORTED, area=people.area).exists()


def test_progress_is_available_as_json(client, people, lano):
    client.force_login(lano)
    upload(client, people, csv_bytes(20))
    run = ImportRun.objects.get()
    data = client.get(f"/areas/{people.area.code}/data/import/{run.pk}/progress.json").json()
    assert data["finished"] is True and data["percent"] == 100 and data["status"] == "done"


def test_a_file_with_errors_imports_nothing_and_lists_every_problem(client, people, lano, media):
    client.force_login(lano)
    page = upload(client, people, csv_bytes(400, dirty=True)).content.decode()
    assert "The file was not imported" in page
    assert "Nothing was imported" in page
    run = ImportRun.objects.get()
    assert run.status == "failed" and run.error_count >= 8
    assert all({"row", "column", "message"} <= set(p) for p in run.errors)
    assert "primary_need" in page and "XYZ" in page
    assert not Snapshot.objects.exists()
    assert files_under(media) == [], "no Parquet file and no leftover upload"
    problems = client.get(
        f"/areas/{people.area.code}/data/import/{run.pk}/problems.csv"
    ).content.decode("utf-8-sig")
    assert problems.splitlines()[0] == "Row,Column,Problem"
    assert len(problems.splitlines()) >= run.error_count + 1
    assert "'=HYPERLINK" not in problems.split("\n", 1)[0]


def test_a_formula_cell_is_rejected_and_the_problems_csv_does_not_carry_it_live(
    client, people, lano
):
    client.force_login(lano)
    data = csv_bytes(10).decode().splitlines()
    cells = data[3].split(",")
    cells[1] = '"=HYPERLINK(""http://evil.example"",""x"")"'
    data[3] = ",".join(cells)
    upload(client, people, "\n".join(data).encode())
    run = ImportRun.objects.get()
    assert run.status == "failed" and not Snapshot.objects.exists()
    assert any(p["row"] == 4 for p in run.errors)
    text = client.get(
        f"/areas/{people.area.code}/data/import/{run.pk}/problems.csv"
    ).content.decode("utf-8-sig")
    assert not any(
        line.startswith(("=", "+", "-", "@"))
        for cell_line in text.splitlines()
        for line in cell_line.split(",")
    )


def test_more_problems_than_fit_on_screen_are_capped_with_the_full_list_downloadable(
    client, people, lano
):
    client.force_login(lano)
    lines = csv_bytes(300).decode().splitlines()
    bad = [lines[0]] + [line.replace(",E,", ",Q,").replace(",K,", ",Q,") for line in lines[1:]]
    page = upload(client, people, "\n".join(bad).encode()).content.decode()
    run = ImportRun.objects.get()
    assert run.error_count >= 300
    assert f"Showing the first 100 of {run.error_count:,} problems" in page
    assert page.count('<td class="govuk-table__cell">sen_status</td>') == 100


def test_a_new_file_for_the_same_date_replaces_the_earlier_snapshot(client, people, lano):
    client.force_login(lano)
    upload(client, people, csv_bytes(30, seed=1))
    upload(client, people, csv_bytes(40, seed=2))
    assert list(Snapshot.objects.values_list("row_count", flat=True)) == [40]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    client, people, lano, settings, media
):
    settings.PUPIL_UPLOAD_MAX_BYTES = 1000
    client.force_login(lano)
    page = upload(client, people, csv_bytes(50)).content.decode()
    assert "There is a problem" in page and "must be smaller than" in page
    assert not ImportRun.objects.exists() and files_under(media) == []


def test_an_empty_file_and_a_future_date_are_refused_with_plain_messages(client, people, lano):
    client.force_login(lano)
    page = upload(client, people, b"").content.decode()
    assert "The selected file is empty" in page
    future = dt.date.today() + dt.timedelta(days=3)
    page = upload(client, people, csv_bytes(5), day=future).content.decode()
    assert "must be today or in the past" in page
    assert not ImportRun.objects.exists()


def test_a_file_of_only_blank_lines_fails_with_one_file_level_problem(client, people, lano):
    client.force_login(lano)
    page = upload(client, people, b"\n\n  \n").content.decode()
    assert "The file is empty" in page
    assert not Snapshot.objects.exists()


def test_roles_without_the_import_permission_cannot_upload(client, people):
    client.force_login(people.by_role[Role.PRACTITIONER])
    assert upload(client, people, csv_bytes(5), follow=False).status_code == 403
    assert not ImportRun.objects.exists()


def test_a_crash_while_storing_leaves_no_snapshot_and_no_file(
    client, people, lano, media, monkeypatch
):
    from sendready.pupildata import actions

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(actions.Snapshot.objects, "create", boom)
    client.force_login(lano)
    page = upload(client, people, csv_bytes(30)).content.decode()
    assert "Something went wrong" in page
    assert not Snapshot.objects.exists() and files_under(media) == []


def test_an_xlsx_upload_imports(client, people, lano):
    from sendready.domain.person_level.generator import generate

    book = openpyxl.Workbook()
    sheet = book.active
    frame = generate(25, 4, as_of=AS_OF)
    sheet.append(frame.columns)
    for row in frame.iter_rows():
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    client.force_login(lano)
    upload(client, people, buffer.getvalue(), name="pupils.xlsx")
    assert Snapshot.objects.get().row_count == 25
