"""The evidence log: files through storage with type and size limits, bad input refused, nothing lost."""

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.selfevaluation.models import Evidence
from sendready.selfevaluation.testing import sample_pdf
from tests.selfevaluation.conftest import url


def form(**changes):
    data = {
        "kind": "case_study",
        "title": "Year 9 transition case study",
        "summary": "How a multi-agency review changed a plan.",
        "evidence_date_day": "3",
        "evidence_date_month": "6",
        "evidence_date_year": "2025",
        "review_by_day": "3",
        "review_by_month": "12",
        "review_by_year": "2025",
        "co_produced": "yes",
        "criteria": ["next_steps", "participate"],
        "link": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_a_system_lead_adds_evidence_with_a_file_kept_in_storage(client, people, sef):
    client.force_login(people.by_role[Role.SYSTEM_LEAD])
    response = client.post(
        url("evidence_new", people.area), {**form(), "file": sample_pdf("case.pdf")}
    )
    assert response.status_code == 302
    item = Evidence.objects.get()
    assert item.criteria == ["next_steps", "participate"] and item.co_produced
    assert item.file_name == "case.pdf" and default_storage.exists(item.file_path)
    assert item.created_by == people.by_role[Role.SYSTEM_LEAD]
    assert AuditEvent.objects.filter(action=AuditAction.CREATED, object_type="evidence").exists()
    download = client.get(url("evidence_file", people.area, item.pk))
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORTED, object_type="evidence_file"
    ).exists()


def test_evidence_without_a_criterion_is_refused(client, people, sef):
    client.force_login(people.by_role[Role.LANO])
    response = client.post(
        url("evidence_new", people.area), form(criteria=None, link="https://example.org/a")
    )
    assert "Choose at least one criterion this evidence supports" in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_review_by_date_before_the_evidence_date_is_refused(client, people, sef):
    client.force_login(people.by_role[Role.LANO])
    bad = form(review_by_month="1", link="https://example.org/a")
    response = client.post(url("evidence_new", people.area), bad)
    assert (
        "The review-by date must be on or after the evidence date (03/06/2025)"
        in response.content.decode()
    )
    assert not Evidence.objects.exists()


def test_evidence_needs_a_link_or_a_file(client, people, sef):
    client.force_login(people.by_role[Role.LANO])
    response = client.post(url("evidence_new", people.area), form())
    assert "Give a link to the evidence or upload a file" in response.content.decode()


def test_a_file_of_the_wrong_type_is_refused_and_nothing_is_stored(client, people, sef, tmp_path):
    client.force_login(people.by_role[Role.LANO])
    program = SimpleUploadedFile("tool.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = client.post(url("evidence_new", people.area), {**form(), "file": program})
    assert (
        "tool.exe is not a kind of file that can be kept as evidence" in response.content.decode()
    )
    assert not Evidence.objects.exists()
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*.*"))


def test_a_renamed_file_is_refused_by_its_content(client, people, sef):
    client.force_login(people.by_role[Role.LANO])
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(url("evidence_new", people.area), {**form(), "file": fake})
    assert "report.pdf does not look like a PDF" in response.content.decode()
    assert not Evidence.objects.exists()


@override_settings(SEF_UPLOAD_MAX_BYTES=1000)
def test_a_file_too_large_is_refused_in_megabytes(client, people, sef):
    client.force_login(people.by_role[Role.LANO])
    big = SimpleUploadedFile("big.csv", b"a,b\n" * 600, content_type="text/csv")
    response = client.post(url("evidence_new", people.area), {**form(), "file": big})
    assert "the largest file accepted is" in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_failed_save_removes_the_file_it_had_stored(people, sef, monkeypatch):
    from sendready.selfevaluation import evidence_actions

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(evidence_actions, "record", broken)
    values = {
        "kind": "case_study",
        "title": "T",
        "evidence_date": dt.date(2025, 6, 3),
        "criteria": ["identified"],
        "co_produced": False,
    }
    with pytest.raises(RuntimeError):
        evidence_actions.save_evidence(
            actor=people.by_role[Role.LANO], sef=sef, values=values, upload=sample_pdf("x.pdf")
        )
    assert not Evidence.objects.exists()
    assert (
        not default_storage.exists("selfevaluation/evidence")
        or not default_storage.listdir("selfevaluation/evidence")[1]
    )


def test_replacing_a_file_removes_the_old_one_after_the_save(
    client, people, sef, django_capture_on_commit_callbacks
):
    client.force_login(people.by_role[Role.LANO])
    client.post(url("evidence_new", people.area), {**form(), "file": sample_pdf("one.pdf")})
    item = Evidence.objects.get()
    old = item.file_path
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("evidence_edit", people.area, item.pk), {**form(), "file": sample_pdf("two.pdf")}
        )
    item.refresh_from_db()
    assert item.file_name == "two.pdf" and not default_storage.exists(old)


def test_a_system_lead_cannot_change_someone_elses_evidence(client, people, sef):
    client.force_login(people.by_role[Role.LANO])
    client.post(
        url("evidence_new", people.area),
        form(link="https://example.org/a", owner=str(people.by_role[Role.LANO].pk)),
    )
    item = Evidence.objects.get()
    client.force_login(people.by_role[Role.SYSTEM_LEAD])
    # The edit page sends them to the item, which says who can change it; a POST is refused.
    assert client.get(url("evidence_edit", people.area, item.pk)).status_code == 302
    assert client.post(url("evidence_edit", people.area, item.pk), form()).status_code == 403
    assert client.post(url("evidence_remove", people.area, item.pk)).status_code == 403
    assert Evidence.objects.filter(pk=item.pk).exists()


def test_removing_evidence_is_audited(client, people, sef):
    client.force_login(people.by_role[Role.LANO])
    client.post(url("evidence_new", people.area), form(link="https://example.org/a"))
    item = Evidence.objects.get()
    client.post(url("evidence_remove", people.area, item.pk))
    assert not Evidence.objects.exists()
    assert AuditEvent.objects.filter(action=AuditAction.DELETED, object_type="evidence").exists()


def test_coverage_lists_evidence_past_its_review_date(client, people, sef):
    client.force_login(people.by_role[Role.LANO])
    old = form(
        link="https://example.org/a",
        evidence_date_year="2023",
        review_by_year="2023",
        title="Old audit",
    )
    client.post(url("evidence_new", people.area), old)
    page = client.get(url("evidence_list", people.area) + "?show=past_review").content.decode()
    assert "Old audit" in page and "Past review date" in page
    overview = client.get(url("overview", people.area) + "?since=2025-01-01").content.decode()
    assert "Evidence past its review date: 1" in overview
    assert "No evidence dated on or after 1 January 2025" in overview


def test_a_pinned_indicator_shows_its_value_then_and_in_the_latest_snapshot(client, people, sef):
    from sendready.pupildata.testing import sample_snapshot_and_run

    lano = people.by_role[Role.LANO]
    snapshot, _ = sample_snapshot_and_run(people.area, lano)
    client.force_login(lano)
    response = client.post(
        url("evidence_pin", people.area),
        {"indicator": "ehc_plans", "criteria": ["identified"], "owner": str(lano.pk)},
    )
    assert response.status_code == 302
    item = Evidence.objects.get()
    then = snapshot.indicators["indicators"]
    expected = next(i["value"] for i in then if i["id"] == "ehc_plans")
    assert item.indicator_value == expected and item.indicator_as_of == snapshot.snapshot_date
    assert item.kind == "aggregated_data"
    # A newer snapshot arrives with a different figure: the evidence shows both.
    newer = snapshot.indicators | {
        "indicators": [
            dict(i, value=(i["value"] or 0) + 7) if i["id"] == "ehc_plans" else i for i in then
        ]
    }
    type(snapshot).objects.filter(pk=snapshot.pk).update(indicators=newer)
    type(snapshot).objects.create(
        area=people.area,
        snapshot_date=dt.date(2025, 9, 30),
        file_name="later.csv",
        data_path=snapshot.data_path,
        row_count=snapshot.row_count,
        indicators=newer,
    )
    page = client.get(url("evidence_detail", people.area, item.pk)).content.decode()
    assert f"{expected:g}" in page and f"{expected + 7:g}" in page and "30 September 2025" in page


def test_pinning_without_person_level_data_says_to_import_first(client, people, sef):
    client.force_login(people.by_role[Role.LANO])
    page = client.get(url("evidence_pin", people.area)).content.decode()
    assert "Import a person-level file first" in page
