"""Test helpers other tests use: a self-evaluation with a led criterion, evidence and Annex A (of
the area's active inspection, which must be recorded first)."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from sendready.areas.registry import active_inspection
from sendready.selfevaluation import actions, annex_actions, evidence_actions
from sendready.selfevaluation.models import AnnexItem, Evidence


def sample_self_evaluation(area, lano, system_lead) -> tuple[Evidence, AnnexItem]:
    """Criterion 'identified' led by `system_lead`, one evidence item they own, the Annex A list."""
    sef = actions.start_self_evaluation(area=area, actor=lano)
    entry = sef.entries.get(key="identified")
    actions.set_lead(actor=lano, entry=entry, lead=system_lead)
    evidence = evidence_actions.save_evidence(
        actor=lano,
        sef=sef,
        values={
            "kind": "lived_experience",
            "title": "Parent carer forum survey, summer 2025",
            "summary": "What 212 families told the forum about assessments.",
            "evidence_date": dt.date(2025, 7, 14),
            "review_by": dt.date(2026, 1, 31),
            "owner": system_lead,
            "co_produced": True,
            "criteria": ["identified", "participate"],
            "link": "https://example.org/pcf-survey-2025",
        },
        upload=sample_pdf("pcf-survey.pdf"),
    )
    inspection = active_inspection(area)
    if inspection is None:
        raise ValueError("Record the area's inspection first: Annex A belongs to an inspection.")
    items = annex_actions.start_checklist(area=area, inspection=inspection, actor=lano)
    first = items[0]
    item = annex_actions.save_item(
        actor=lano,
        area=area,
        item=first,
        values={"title": first.title, "owner": lano, "status": "ready", "due_step": first.due_step},
        upload=sample_pdf("self-evaluation.pdf"),
    )
    return evidence, item


def sample_pdf(name: str) -> SimpleUploadedFile:
    """A tiny file that is a PDF by its content, not only its name."""
    return SimpleUploadedFile(name, b"%PDF-1.4\n% sample\n%%EOF\n", content_type="application/pdf")
