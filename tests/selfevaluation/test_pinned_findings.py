"""The tracked cases' audit themes can be pinned as self-evaluation evidence: shown live to those who may
see the audits, with a copy kept as pinned; never offered to those who may not."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from sendready.accounts.models import AccountSecurity
from sendready.areas.models import LocalArea
from sendready.audit.models import AuditEvent
from sendready.selfevaluation.models import Evidence
from tests.selfevaluation.conftest import url

DEMO = "E99999901"


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=StringIO())
    AccountSecurity.objects.update(must_choose_password=False)  # as once they have chosen one
    return LocalArea.objects.get(code=DEMO)


def person(name: str):
    return get_user_model().objects.get(username=name)


@pytest.mark.django_db
def test_a_lano_pins_the_agreed_grades_by_section_and_sees_them_then_and_now(client, demo):
    client.force_login(person("lano"))
    page = client.get(url("evidence_pin_finding", demo)).content.decode()
    assert "Tracked cases&#39; audits: Case file audits: agreed grades by section" in page
    assert "1 moderated tracked case" in page  # the numbers behind each finding, as tables
    response = client.post(
        url("evidence_pin_finding", demo),
        {
            "finding": "case_audits:agreed_by_section",
            "criteria": ["identified"],
            "owner": person("lano").pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    item = Evidence.objects.get(finding_source="case_audits")
    assert item.kind == "quality_assurance" and item.finding_key == "agreed_by_section"
    assert item.title == "Case file audits: agreed grades by section"
    assert item.finding_pinned["table"][0][0] == "Section"
    assert AuditEvent.objects.filter(
        object_type="evidence", object_id=str(item.pk), detail__contains="case_audits"
    ).exists()
    detail = client.get(url("evidence_detail", demo, item.pk)).content.decode()
    assert ">Now</caption>" in detail and "When pinned" in detail


@pytest.mark.django_db
def test_a_withdrawn_finding_keeps_its_pinned_copy(client, demo):
    from sendready.cases.models import Moderation

    client.force_login(person("lano"))
    client.post(
        url("evidence_pin_finding", demo),
        {"finding": "case_audits:agreed_by_need", "criteria": ["identified"]},
    )
    item = Evidence.objects.get(finding_source="case_audits")
    Moderation.objects.filter(case__area=demo).delete()
    detail = client.get(url("evidence_detail", demo, item.pk)).content.decode()
    assert "no longer offered" in detail and "When pinned" in detail and ">Now<" not in detail


@pytest.mark.django_db
def test_someone_who_may_not_see_the_audits_is_offered_nothing_and_cannot_pin_them(client, demo):
    client.force_login(person("practitioner"))  # may add evidence, may not see audit themes
    page = client.get(url("evidence_pin_finding", demo))
    assert page.status_code == 200
    assert "agreed grades by section" not in page.content.decode()
    response = client.post(
        url("evidence_pin_finding", demo),
        {"finding": "case_audits:agreed_by_section", "criteria": ["identified"]},
    )
    assert response.status_code == 200
    assert "Choose a finding from the list" in response.content.decode()
    assert not Evidence.objects.filter(finding_source="case_audits").exists()


@pytest.mark.django_db
def test_an_unknown_finding_or_no_criterion_is_refused_and_nothing_is_stored(client, demo):
    client.force_login(person("lano"))
    before = Evidence.objects.count()
    for data, message in (
        ({"finding": "case_audits:nothing", "criteria": ["identified"]}, "Choose a finding"),
        ({"finding": "case_audits:agreed_by_section"}, "Choose at least one criterion"),
    ):
        response = client.post(url("evidence_pin_finding", demo), data)
        assert response.status_code == 200 and message in response.content.decode()
    assert Evidence.objects.count() == before
