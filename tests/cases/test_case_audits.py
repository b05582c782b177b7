"""Case file audits: independent grades, moderation to an agreed grade, agreement and the framework."""

import io

import openpyxl
import pytest
from django.urls import reverse

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.cases.constants import AuditStatus
from sendready.cases.models import CaseAudit, Moderation
from sendready.domain.cases.audit_framework import load_audit_framework

SECTIONS = [s.key for s in load_audit_framework().sections]


def grades(grade="good", **overrides):
    data = {f"{k}__grade": overrides.get(k, grade) for k in SECTIONS}
    data.update({f"{k}__strengths": "Clear voice" for k in SECTIONS[:1]})
    return data


def audit(client, user, area, case, data, do="submit"):
    client.force_login(user)
    return client.post(reverse("cases:audit", args=[area.code, case.pk]), {**data, "do": do})


@pytest.fixture
def auditors(people):
    return people.by_role[Role.PRACTITIONER], people.by_role[Role.HEALTH_LEAD]


def test_an_auditor_submits_an_independent_audit_with_a_weighted_overall_grade(
    client, people, case, auditors
):
    response = audit(client, auditors[0], people.area, case, grades("good", needs="outstanding"))
    assert response.status_code == 302
    done = CaseAudit.objects.get(auditor=auditors[0])
    assert done.status == AuditStatus.SUBMITTED and done.overall_grade == "good"
    assert done.grades.get(section="voice").strengths == "Clear voice"
    assert AuditEvent.objects.filter(object_type="case_audit", action=AuditAction.CHANGED).exists()


def test_an_audit_can_be_saved_part_done_but_not_submitted_until_every_section_is_graded(
    client, people, case, auditors
):
    partial = {f"{SECTIONS[0]}__grade": "good"}
    assert audit(client, auditors[0], people.area, case, partial, do="save").status_code == 302
    assert CaseAudit.objects.get().status == AuditStatus.DRAFT
    response = audit(client, auditors[0], people.area, case, partial)
    assert "Select a grade for" in response.content.decode()
    assert CaseAudit.objects.get().status == AuditStatus.DRAFT


def test_a_grade_outside_the_scale_is_refused_and_nothing_is_saved(client, people, case, auditors):
    response = audit(client, auditors[0], people.area, case, grades(voice="excellent"))
    assert "Select one of the grades on the scale" in response.content.decode()
    assert not CaseAudit.objects.exists()


def test_a_submitted_audit_cannot_be_changed(client, people, case, auditors):
    audit(client, auditors[0], people.area, case, grades("good"))
    audit(client, auditors[0], people.area, case, grades("inadequate"))
    assert CaseAudit.objects.get().overall_grade == "good"


def test_someone_on_the_team_who_is_not_an_auditor_cannot_audit(client, people, lano, case):
    from sendready.cases.team_actions import assign_member

    leader = people.by_role[Role.SENIOR_LEADER]
    assign_member(
        actor=lano,
        case=case,
        user=leader,
        role_title="Head of SEND",
        agency="education",
        is_auditor=False,
    )
    assert audit(client, leader, people.area, case, grades()).status_code == 403


def test_moderation_needs_two_audits_then_records_the_agreed_grade(
    client, people, lano, case, auditors
):
    audit(client, auditors[0], people.area, case, grades("good"))
    client.force_login(lano)
    url = reverse("cases:moderation", args=[people.area.code, case.pk])
    response = client.post(url, {**grades("good")})
    assert "2 submitted audits are needed and this case has 1" in response.content.decode()
    assert not Moderation.objects.exists()
    audit(client, auditors[1], people.area, case, grades("requires_improvement", voice="good"))
    client.force_login(lano)
    page = client.get(url).content.decode()
    assert "Each auditor&#39;s grades" in page or "Each auditor's grades" in page
    response = client.post(url, {**grades("good"), "notes": "Agreed after discussion"})
    assert response.status_code == 302
    moderation = Moderation.objects.get()
    assert moderation.overall_grade == "good" and moderation.agreed["voice"] == "good"
    case_page = client.get(reverse("cases:case", args=[people.area.code, case.pk])).content.decode()
    assert "Agreed grade" in case_page and "Good" in case_page


def test_agreement_is_reported_per_auditor_and_per_section_and_downloads(
    client, people, lano, case, auditors
):
    audit(client, auditors[0], people.area, case, grades("good"))
    audit(client, auditors[1], people.area, case, grades("requires_improvement", voice="good"))
    client.force_login(lano)
    client.post(reverse("cases:moderation", args=[people.area.code, case.pk]), grades("good"))
    page = client.get(reverse("cases:agreement", args=[people.area.code])).content.decode()
    assert "a_practitioner" in page and "100.0%" in page
    assert "12.5%" in page  # the health lead matched the agreed grade on 1 of 8 sections
    download = client.get(reverse("cases:agreement_xlsx", args=[people.area.code]))
    book = openpyxl.load_workbook(io.BytesIO(download.content))
    by_auditor = list(book["Agreement by auditor"].iter_rows(values_only=True))
    assert by_auditor[0][:4] == ("Auditor", "n", "Agreed", "Percent agreement")
    rows = {r[0]: r for r in by_auditor[1:]}
    assert rows["a_practitioner"][3] == 100.0 and rows["a_health_lead"][3] == 12.5
    assert list(book["By section"].iter_rows(values_only=True))[1][2] == 1  # Voice: 1 good
    assert AuditEvent.objects.filter(
        object_type="case_audit_agreement", action=AuditAction.EXPORTED
    ).exists()


def test_the_lano_adapts_the_framework_and_new_audits_use_it(client, people, lano, case, auditors):
    client.force_login(lano)
    data = {"limit_rule": ""}
    for s in load_audit_framework().sections:
        data[f"{s.key}__weight"] = "5" if s.key == "voice" else "1"
        data[f"{s.key}__guidance"] = s.guidance
        data[f"{s.key}__enabled"] = "" if s.key == "placement" else "on"
    assert client.post(reverse("cases:framework", args=[people.area.code]), data).status_code == 302
    values = {
        k: v
        for k, v in grades("inadequate", voice="outstanding").items()
        if not k.startswith("placement")
    }
    audit(client, auditors[0], people.area, case, values)
    done = CaseAudit.objects.get()
    assert not done.grades.filter(section="placement").exists()
    assert done.weighted_score == pytest.approx((5 * 4 + 6 * 1) / 11, abs=0.01)


def test_a_bad_weight_is_refused_in_words(client, people, lano):
    client.force_login(lano)
    data = {"voice__weight": "lots"}
    response = client.post(reverse("cases:framework", args=[people.area.code]), data)
    assert "Enter the weight as a number from 0 to 10" in response.content.decode()
