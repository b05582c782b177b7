"""The SEF as Word and PDF, read back, and the timeline's link to it (Annex A: test_annex_a.py)."""

import datetime as dt
import io

import pypdf
from docx import Document

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.selfevaluation import actions
from sendready.selfevaluation.testing import sample_self_evaluation
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
    from sendready.inspections import actions as inspection_actions

    inspection_actions.record_inspection(
        actor=people.by_role[Role.LANO],
        area=people.area,
        framework="2023-full",
        notified_on=dt.date(2025, 9, 8),
    )
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
        actor=people.by_role[Role.LANO],
        area=people.area,
        framework="2023-full",
        notified_on=dt.date(2025, 9, 8),
    )
    client.force_login(people.by_role[Role.VIEWER])
    page = client.get(f"/areas/{people.area.code}/inspections/{inspection.pk}/").content.decode()
    row = page[page.index('id="milestone-self_evaluation_shared"') :]
    row = row[: row.index("</tr>")]
    assert url("overview", people.area) in row


def test_the_demo_area_has_a_part_written_self_evaluation(db):
    from sendready.demo import load_demo
    from sendready.selfevaluation.models import SelfEvaluation

    area = load_demo().area
    sef = SelfEvaluation.objects.get(area=area)
    assert sef.entries.exclude(position="").count() == 3
    assert sef.evidence.filter(indicator_id="ehc_plans").exists()
    load_demo()  # a second run leaves the demo as people changed it
    assert sef.evidence.count() == 5
