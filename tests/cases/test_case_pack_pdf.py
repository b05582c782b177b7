"""The pen portrait and chronology, and the case pack as one tagged PDF read back with pypdf."""

import datetime as dt
import io

import pypdf
import pytest
from django.urls import reverse

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.cases import portrait_actions
from sendready.cases.models import ChronologyEntry
from sendready.cases.testing import add_sample_document
from tests.cases.test_case_audits import audit, grades


def _text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_team_writes_the_pen_portrait_and_chronology_and_each_change_is_audited(
    client, people, case
):
    member = people.by_role[Role.PRACTITIONER]
    client.force_login(member)
    url = reverse("cases:portrait", args=[people.area.code, case.pk])
    assert client.get(url).status_code == 200
    client.post(
        url, {"do": "portrait", "pen_portrait": "Sam is 14 and loves trains.\nLives with mum."}
    )
    client.post(
        url,
        {
            "do": "event",
            "happened_on_day": "3",
            "happened_on_month": "2",
            "happened_on_year": "2024",
            "event": "EHC needs assessment requested",
            "agency": "education",
        },
    )
    case.refresh_from_db()
    assert case.pen_portrait.startswith("Sam is 14")
    assert ChronologyEntry.objects.get(case=case).event == "EHC needs assessment requested"
    kinds = set(
        AuditEvent.objects.filter(area=people.area, user=member).values_list(
            "object_type", "action"
        )
    )
    assert ("tracked_case", AuditAction.CHANGED) in kinds
    assert ("case_chronology", AuditAction.CREATED) in kinds
    assert ("tracked_case", AuditAction.VIEWED) in kinds


def test_a_chronology_date_in_the_future_is_refused_with_nothing_saved(client, people, case):
    client.force_login(people.by_role[Role.LANO])
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    response = client.post(
        reverse("cases:portrait", args=[people.area.code, case.pk]),
        {
            "do": "event",
            "happened_on_day": str(tomorrow.day),
            "happened_on_month": str(tomorrow.month),
            "happened_on_year": str(tomorrow.year),
            "event": "Annual review",
        },
    )
    assert "The date must be today or in the past" in response.content.decode()
    assert not ChronologyEntry.objects.exists()


def test_someone_not_on_the_team_cannot_open_the_pen_portrait(client, people, case):
    client.force_login(people.by_role[Role.SYSTEM_LEAD])
    url = reverse("cases:portrait", args=[people.area.code, case.pk])
    assert client.get(url).status_code == 404
    assert AuditEvent.objects.filter(action=AuditAction.DENIED, object_type="tracked_case").exists()


def test_the_pack_is_one_tagged_pdf_with_portrait_chronology_audits_and_documents(
    client, people, case
):
    lano = people.by_role[Role.LANO]
    portrait_actions.save_pen_portrait(actor=lano, case=case, text="Sam is 14 and loves trains.")
    portrait_actions.add_chronology_entry(
        actor=lano,
        case=case,
        happened_on=dt.date(2024, 2, 3),
        event="Plan issued",
        agency="education",
    )
    add_sample_document(case, lano)
    audit(client, people.by_role[Role.PRACTITIONER], people.area, case, grades("good"))
    client.force_login(lano)
    response = client.get(reverse("cases:pack_pdf", args=[people.area.code, case.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f"case-{case.person_id}.pdf" in response["Content-Disposition"]
    text = _text(response.content)
    for expected in (
        f"Tracked case {case.person_id}",
        "Pen portrait",
        "Sam is 14 and loves trains.",
        "Chronology",
        "2024-02-03",
        "Plan issued",
        "Case file audits in full",
        "Good",
        "notes.txt",
    ):
        assert expected in text, expected
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged: headings and tables for readers
    assert AuditEvent.objects.filter(
        object_type="case_pack", action=AuditAction.EXPORTED, detail__contains="PDF"
    ).exists()


def test_an_empty_case_still_makes_a_readable_pack(client, people, case):
    client.force_login(people.by_role[Role.LANO])
    response = client.get(reverse("cases:pack_pdf", args=[people.area.code, case.pk]))
    text = _text(response.content)
    assert "No pen portrait written yet." in text and "No documents uploaded yet." in text


@pytest.mark.parametrize("role", [Role.VIEWER, Role.PCF_REP])
def test_roles_that_cannot_see_cases_cannot_download_the_pack(client, people, case, role):
    client.force_login(people.by_role[role])
    url = reverse("cases:pack_pdf", args=[people.area.code, case.pk])
    assert client.get(url).status_code in (403, 404)
