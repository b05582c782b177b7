"""Preparing a case: evidence owners and documents, consent, the meeting and the case pack."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.cases.models import CaseEvidenceFile

PDF = b"%PDF-1.4\n%fake but well-formed enough for a type check\n"


def evidence_url(area, case, task):
    return reverse("cases:evidence", args=[area.code, case.pk, task.pk])


def test_a_team_member_uploads_a_document_and_it_is_in_the_case_pack(client, people, case):
    practitioner = people.by_role[Role.PRACTITIONER]
    task = case.evidence.get(key="pen_portrait")
    client.force_login(practitioner)
    upload = SimpleUploadedFile("pen portrait.pdf", PDF, content_type="application/pdf")
    response = client.post(
        evidence_url(people.area, case, task), {"do": "upload", "document": upload}
    )
    assert response.status_code == 302
    document = CaseEvidenceFile.objects.get()
    download = client.get(reverse("cases:document", args=[people.area.code, case.pk, document.pk]))
    assert b"".join(download.streaming_content) == PDF
    pack = client.get(reverse("cases:pack", args=[people.area.code, case.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(pack.streaming_content)))
    names = archive.namelist()
    assert names[0] == "index.html"
    index = archive.read("index.html").decode()
    assert f"Tracked case {case.person_id}" in index and "pen portrait.pdf" in index
    inside = [n for n in names if n.endswith("pen portrait.pdf")]
    assert inside and archive.read(inside[0]) == PDF
    assert AuditEvent.objects.filter(object_type="case_pack", action=AuditAction.EXPORTED).exists()


def test_a_file_of_the_wrong_type_or_contents_is_refused_and_nothing_is_kept(
    client, people, case, media
):
    task = case.evidence.first()
    client.force_login(people.by_role[Role.PRACTITIONER])
    bad = SimpleUploadedFile("notes.exe", b"MZ...", content_type="application/octet-stream")
    text = client.post(
        evidence_url(people.area, case, task), {"do": "upload", "document": bad}
    ).content.decode()
    assert "is not a kind of file that can be kept with a tracked case" in text
    fake = SimpleUploadedFile("plan.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    text = client.post(
        evidence_url(people.area, case, task), {"do": "upload", "document": fake}
    ).content.decode()
    assert "does not look like a PDF inside" in text
    assert not CaseEvidenceFile.objects.exists()
    assert not (media / "cases").exists() or not any((media / "cases").rglob("*.*"))


def test_a_file_over_the_limit_is_refused_with_the_limit_in_words(client, people, case, settings):
    settings.CASE_UPLOAD_MAX_BYTES = 1024
    task = case.evidence.first()
    client.force_login(people.by_role[Role.PRACTITIONER])
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * 4096, content_type="application/pdf")
    text = client.post(
        evidence_url(people.area, case, task), {"do": "upload", "document": big}
    ).content.decode()
    assert "the largest file accepted is 0 MB" in text or "largest file accepted" in text
    assert not CaseEvidenceFile.objects.exists()


def test_an_owner_and_status_are_set_on_an_evidence_item(client, people, lano, case):
    task = case.evidence.first()
    health = people.by_role[Role.HEALTH_LEAD]
    client.force_login(lano)
    response = client.post(
        evidence_url(people.area, case, task),
        {
            "do": "item",
            "owner": health.pk,
            "status": "in_progress",
            "due_on_day": "7",
            "due_on_month": "4",
            "due_on_year": "2025",
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert (
        task.owner == health and task.status == "in_progress" and str(task.due_on) == "2025-04-07"
    )


def test_consent_records_who_when_and_how(client, people, case):
    client.force_login(people.by_role[Role.PRACTITIONER])
    url = reverse("cases:consent", args=[people.area.code, case.pk])
    text = client.post(url, {"consent_status": "given"}).content.decode()
    assert "Enter who gave or refused consent" in text
    client.post(
        url,
        {
            "consent_status": "given",
            "consent_by": "Mother",
            "consent_on_day": "3",
            "consent_on_month": "4",
            "consent_on_year": "2025",
            "consent_method": "phone",
        },
    )
    case.refresh_from_db()
    assert (
        case.consent_status == "given"
        and case.consent_by == "Mother"
        and case.consent_method == "phone"
    )


def test_the_lano_books_the_meeting_with_inspectors(client, people, lano, case):
    client.force_login(lano)
    url = reverse("cases:meeting", args=[people.area.code, case.pk])
    data = {
        "meeting_on_day": "14",
        "meeting_on_month": "4",
        "meeting_on_year": "2025",
        "meeting_start": "10:30",
        "meeting_end": "10:00",
    }
    assert "The end time must be after the start time" in client.post(url, data).content.decode()
    client.post(url, {**data, "meeting_end": "11:30", "meeting_where": "Online"})
    case.refresh_from_db()
    assert str(case.meeting_on) == "2025-04-14" and case.meeting_where == "Online"


def test_a_practitioner_cannot_book_the_meeting(client, people, case):
    client.force_login(people.by_role[Role.PRACTITIONER])
    assert client.get(reverse("cases:meeting", args=[people.area.code, case.pk])).status_code == 403
