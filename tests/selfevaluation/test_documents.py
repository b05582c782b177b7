"""The SEF as Word and PDF, read back; the Annex A checklist, its zip and the inspection's page."""

import csv
import datetime as dt
import io
import zipfile

import pypdf
from docx import Document

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.selfevaluation import actions
from sendready.selfevaluation.models import AnnexItem
from sendready.selfevaluation.testing import sample_pdf, sample_self_evaluation
from tests.selfevaluation.conftest import url


def _write_position(people, sef):
    lano = people.by_role[Role.LANO]
    actions.save_entry(
        actor=lano,
        entry=sef.entries.get(key="identified"),
        values={
            "position": "inconsistent",
            "rationale": "Waits vary by locality.",
            "what_we_know": "62% within 20 weeks.",
            "what_it_means": "",
            "what_next": "Triage pilot.",
        },
    )
    actions.save_assessment(
        actor=lano,
        sef=sef,
        values={
            "positive_experiences": True,
            "strong_outcomes": False,
            "taking_action": True,
            "priority_actions": 0,
            "assessment_rationale": "",
        },
    )


def test_the_sef_docx_has_a_heading_per_criterion_and_evidence_tables(client, people, sef):
    sample_self_evaluation(people.area, people.by_role[Role.LANO], people.by_role[Role.SYSTEM_LEAD])
    _write_position(people, sef)
    client.force_login(people.by_role[Role.PCF_REP])
    response = client.get(url("sef_docx", people.area))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Children and young people's experiences and outcomes" in headings
    assert any(
        h.startswith("1. Children and young people's needs are identified") for h in headings
    )
    assert sum(1 for h in headings if h == "What next?") == 12
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Inconsistent experiences and outcomes" in cells
    assert any("Parent carer forum survey, summer 2025" in c for c in cells)
    header = document.tables[-1].rows[0]._tr
    assert header.trPr is not None and "tblHeader" in header.trPr.xml
    text = "\n".join(p.text for p in document.paragraphs)
    assert "not a prediction of the inspectors' judgement" in text
    assert AuditEvent.objects.filter(action=AuditAction.EXPORTED, detail="SEF docx").exists()


def test_the_sef_pdf_is_tagged_so_screen_readers_find_its_structure(client, people, sef):
    _write_position(people, sef)
    client.force_login(people.by_role[Role.VIEWER])
    response = client.get(url("sef_pdf", people.area))
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    text = "".join(page.extract_text() for page in reader.pages)
    assert "self-evaluation" in text and "Waits vary by locality." in text
    assert AuditEvent.objects.filter(action=AuditAction.EXPORTED, detail="SEF pdf").exists()


def test_the_timeline_links_the_self_evaluation_step_to_the_sef(client, people, sef):
    from sendready.inspections import actions as inspection_actions

    inspection = inspection_actions.record_inspection(
        people.area, people.by_role[Role.LANO], "2023-full", dt.date(2025, 9, 8)
    )
    client.force_login(people.by_role[Role.VIEWER])
    page = client.get(f"/areas/{people.area.code}/inspections/{inspection.pk}/").content.decode()
    row = page[page.index('id="milestone-self_evaluation_shared"') :]
    row = row[: row.index("</tr>")]
    assert url("overview", people.area) in row


def test_the_annex_a_checklist_starts_from_the_framework_list_and_can_be_adapted(client, people):
    client.force_login(people.by_role[Role.LANO])
    page = client.get(url("annex_a", people.area)).content.decode()
    assert "Health commissioning template" in page and "The area's own item" in page
    item = AnnexItem.objects.get(key="health_commissioning")
    client.post(
        url("annex_edit", people.area, item.pk),
        {
            "title": "Health commissioning template (ICB)",
            "owner": "",
            "due_step": "annex_a",
            "status": "in_progress",
        },
    )
    client.post(
        url("annex_new", people.area),
        {
            "title": "Dynamic support register summary",
            "owner": "",
            "due_step": "annex_a",
            "status": "to_do",
        },
    )
    jsna = AnnexItem.objects.get(key="jsna")
    client.post(url("annex_remove", people.area, jsna.pk))
    page = client.get(url("annex_a", people.area)).content.decode()
    assert "renamed from “Health commissioning template”" in page
    assert "Dynamic support register summary" in page
    assert not AnnexItem.objects.filter(key="jsna").exists()
    assert AuditEvent.objects.filter(
        object_type="annex_a_item", action=AuditAction.DELETED
    ).exists()


def test_annex_a_items_are_due_from_the_timeline_and_overdue_ones_show_on_the_inspection(
    client, people
):
    from sendready.inspections import actions as inspection_actions

    lano = people.by_role[Role.LANO]
    inspection = inspection_actions.record_inspection(
        people.area, lano, "2023-full", dt.date(2025, 9, 8)
    )
    client.force_login(lano)
    page = client.get(url("annex_a", people.area)).content.decode()
    assert "Friday 12 September 2025" in page  # Annex A due on Friday of week one
    assert "10 overdue" in page  # 2025 is past, and nothing is ready
    detail = client.get(f"/areas/{people.area.code}/inspections/{inspection.pk}/").content.decode()
    assert "0 of 10 items ready or not needed (0%); 10 overdue" in detail
    tasks = client.get(
        f"/areas/{people.area.code}/inspections/{inspection.pk}/tasks/"
    ).content.decode()
    assert "Annex A: Health commissioning template" in tasks and "Overdue: To do" in tasks


def test_annex_a_dates_follow_today_for_an_inspection_notified_this_week(client, people):
    from django.utils import timezone

    from sendready.inspections import actions as inspection_actions

    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    inspection_actions.record_inspection(
        people.area, people.by_role[Role.LANO], "2023-full", monday
    )
    client.force_login(people.by_role[Role.LANO])
    page = client.get(url("annex_a", people.area)).content.decode()
    friday = monday + dt.timedelta(days=4)
    assert f"{friday.day} {friday:%B %Y}" in page


def test_the_zip_holds_every_ready_document_with_an_index_and_is_audited(client, people):
    lano = people.by_role[Role.LANO]
    sample_self_evaluation(people.area, lano, people.by_role[Role.SYSTEM_LEAD])
    client.force_login(lano)
    item = AnnexItem.objects.get(key="send_strategy")
    client.post(
        url("annex_edit", people.area, item.pk),
        {
            "title": item.title,
            "owner": str(lano.pk),
            "due_step": "annex_a",
            "status": "ready",
            "link": "https://example.org/strategy",
            "file": sample_pdf("strategy.pdf"),
        },
    )
    response = client.get(url("annex_zip", people.area))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert "00 index.csv" in names and any(n.endswith("strategy.pdf") for n in names)
    rows = list(csv.reader(io.StringIO(archive.read("00 index.csv").decode("utf-8-sig"))))
    assert rows[0][:2] == ["Number", "Item"]
    assert {r[1] for r in rows[1:]} == {
        "Self-evaluation and its executive summary",
        "SEND strategy",
    }
    assert AuditEvent.objects.filter(object_type="annex_a_zip", detail="2 ready items").exists()


def test_a_document_of_the_wrong_type_is_refused_on_annex_a(client, people):
    client.force_login(people.by_role[Role.LANO])
    client.get(url("annex_a", people.area))
    item = AnnexItem.objects.get(key="send_strategy")
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("strategy.zip", b"PK\x03\x04", content_type="application/zip")
    response = client.post(
        url("annex_edit", people.area, item.pk),
        {"title": item.title, "due_step": "annex_a", "status": "ready", "file": bad},
    )
    assert "strategy.zip is not a type we accept" in response.content.decode()
    item.refresh_from_db()
    assert item.status == "to_do" and not item.file_path


def test_a_viewer_cannot_download_the_annex_zip_or_change_items(client, people):
    client.force_login(people.by_role[Role.VIEWER])
    assert client.get(url("annex_zip", people.area)).status_code == 403
    assert client.get(url("annex_new", people.area)).status_code == 403


def test_the_demo_area_has_a_part_written_self_evaluation(db):
    from sendready.demo import load_demo
    from sendready.selfevaluation.models import SelfEvaluation

    area = load_demo().area
    sef = SelfEvaluation.objects.get(area=area)
    assert sef.entries.exclude(position="").count() == 3
    assert sef.evidence.filter(indicator_id="ehc_plans").exists()
    load_demo()  # a second run leaves the demo as people changed it
    assert sef.evidence.count() == 5
