"""Selections linked to an inspection (its timeline dates the documents), the mix adjusted on the web,
audits withdrawn before moderation, inspectors' read-only packs and case meetings on the timetable."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.cases import audit_actions, workspace_actions
from sendready.cases.constants import AuditStatus
from sendready.cases.models import CaseAudit, CaseSelection
from sendready.domain.dates.workdays import add_working_days
from tests.cases.test_case_audits import audit, grades
from tests.documents.docx_checks import all_text


def _inspection(people, notified):
    from sendready.inspections import actions

    return actions.record_inspection(
        actor=people.by_role[Role.LANO],
        area=people.area,
        framework="2023-full",
        notified_on=notified,
    )


def _step(inspection, key):
    return inspection.milestones.get(key=key).date


def _named(client, people, ids, named_on, link=True):
    client.force_login(people.by_role[Role.LANO])
    data = {
        "tracked_ids": "\n".join(ids[:6]),
        "substitute_ids": ids[6],
        "named_on_day": str(named_on.day),
        "named_on_month": str(named_on.month),
        "named_on_year": str(named_on.year),
    }
    if link:
        data["for_inspection"] = "on"
    return client.post(reverse("cases:named_new", args=[people.area.code]), data)


@pytest.fixture
def ids(snapshot):
    return snapshot.read(["person_id"])["person_id"].to_list()


def test_named_cases_are_due_when_the_inspections_own_timeline_says(client, people, ids):
    inspection = _inspection(people, dt.date(2025, 1, 13))  # a Monday
    from sendready.inspections import actions

    actions.change_settings(
        actor=people.by_role[Role.LANO], inspection=inspection, values={"tracked_documents_days": 4}
    )
    named = _step(inspection, "tracked_cases_named")
    assert named == dt.date(2025, 1, 14)
    client.force_login(people.by_role[Role.LANO])
    page = client.get(reverse("cases:named_new", args=[people.area.code]))
    assert 'value="14"' in page.content.decode()  # the form starts from the timeline's day
    assert _named(client, people, ids, named).status_code == 302
    selection = CaseSelection.objects.get()
    assert selection.inspection_id == inspection.pk
    assert (
        selection.documents_due
        == _step(inspection, "tracked_case_documents")
        == dt.date(2025, 1, 20)
    )
    assert {e.due_on for c in selection.cases.all() for e in c.evidence.all()} == {
        dt.date(2025, 1, 20)
    }
    detail = client.get(reverse("cases:selection", args=[people.area.code, selection.pk]))
    assert "its timeline dates the documents" in detail.content.decode()


def test_cases_named_today_for_an_inspection_notified_today_are_due_by_its_timeline(
    client, people, ids
):
    today = timezone.localdate()
    inspection = _inspection(people, today)
    assert _named(client, people, ids, today).status_code == 302
    selection = CaseSelection.objects.get()
    expected = add_working_days(today, _gap(inspection))
    assert selection.documents_due == expected and expected.weekday() < 5


def _gap(inspection):
    from sendready.domain.dates.workdays import working_days_between

    return working_days_between(
        _step(inspection, "tracked_cases_named"), _step(inspection, "tracked_case_documents")
    )


def test_without_linking_the_framework_default_of_two_working_days_applies(client, people, ids):
    _inspection(people, dt.date(2025, 1, 13))
    _named(client, people, ids, dt.date(2025, 1, 17), link=False)  # a Friday
    selection = CaseSelection.objects.get()
    assert selection.inspection_id is None and selection.documents_due == dt.date(2025, 1, 21)


def _sample(client, people, **extra):
    client.force_login(people.by_role[Role.LANO])
    data = {
        "mix": "seed",
        "seed": "7",
        "named_on_day": "1",
        "named_on_month": "4",
        "named_on_year": "2025",
        **extra,
    }
    return client.post(reverse("cases:sample_new", args=[people.area.code]), data)


def test_a_lano_adjusts_the_mix_on_the_web(client, people, snapshot):
    response = _sample(client, people, size="8", ehc_plan="5", sen_support="3", substitutes="2")
    assert response.status_code == 302
    selection = CaseSelection.objects.get()
    assert selection.mix_changes == {"size": 8, "ehc_plan": 5, "sen_support": 3, "substitutes": 2}
    assert selection.cases.filter(status="tracked").count() == 8
    assert selection.cases.filter(status="substitute").count() == 2
    page = client.get(reverse("cases:selection", args=[people.area.code, selection.pk])).content
    assert "adjusted: 8 cases" in page.decode()


def test_a_mix_that_cannot_work_is_refused_in_words_and_nothing_is_chosen(client, people, snapshot):
    response = _sample(client, people, size="5")
    body = response.content.decode()
    assert response.status_code == 200 and "more than the 5 cases asked for" in body
    assert "<title>Error: " in body
    response = _sample(client, people, size="40", alternative_provision="two")
    body = response.content.decode()
    assert "Enter a number from 1 to 12" in body
    assert "Enter at least how many in alternative provision as a whole number" in body
    assert not CaseSelection.objects.exists()


@pytest.fixture
def submitted(client, people, case):
    audit(client, people.by_role[Role.PRACTITIONER], people.area, case, grades("good"))
    return CaseAudit.objects.get(auditor=people.by_role[Role.PRACTITIONER])


def test_an_auditor_withdraws_their_submitted_audit_with_a_reason(client, people, case, submitted):
    url = reverse("cases:withdraw", args=[people.area.code, case.pk])
    response = client.post(url, {"reason": ""})
    assert "Enter why you are withdrawing your audit" in response.content.decode()
    assert client.post(url, {"reason": "Graded the wrong plan"}).status_code == 302
    submitted.refresh_from_db()
    assert (
        submitted.status == AuditStatus.DRAFT
        and submitted.withdrawn_reason == "Graded the wrong plan"
    )
    assert AuditEvent.objects.filter(
        object_type="case_audit", detail__contains="withdrawn (Graded the wrong plan)"
    ).exists()
    page = client.get(reverse("cases:audit", args=[people.area.code, case.pk])).content.decode()
    assert "You withdrew this audit" in page
    assert (
        audit(client, people.by_role[Role.PRACTITIONER], people.area, case, grades()).status_code
        == 302
    )


def test_no_one_else_withdraws_an_audit_and_none_is_withdrawn_after_moderation(
    client, people, case, submitted
):
    health = people.by_role[Role.HEALTH_LEAD]
    with pytest.raises(Exception, match="Only the auditor"):
        audit_actions.withdraw_audit(actor=health, audit=submitted, reason="mine now")
    client.force_login(health)  # has no submitted audit of their own: nothing to withdraw
    response = client.get(reverse("cases:withdraw", args=[people.area.code, case.pk]))
    assert response.status_code == 302 and response.url.endswith(f"/cases/{case.pk}/")
    audit(client, health, people.area, case, grades("good"))
    lano = people.by_role[Role.LANO]
    audit_actions.moderate_case(
        actor=lano,
        case=case,
        agreed={k.split("__")[0]: v for k, v in grades().items() if k.endswith("grade")},
        notes="",
    )
    client.force_login(people.by_role[Role.PRACTITIONER])
    response = client.post(
        reverse("cases:withdraw", args=[people.area.code, case.pk]), {"reason": "Too late"}
    )
    assert "can no longer be withdrawn" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == AuditStatus.SUBMITTED


@pytest.fixture
def inspector_setup(client, people, ids):
    from sendready.inspection_requests import room_actions

    today = timezone.localdate()
    inspection = _inspection(people, today - dt.timedelta(days=today.weekday()))
    _named(client, people, ids, today)
    from tests.inspection_requests.conftest import web_request

    access = room_actions.open_access(
        actor=people.by_role[Role.LANO],
        inspection=inspection,
        name="Jane Lead",
        username="hmi",
        email="hmi@inspectors.example.org",
        request=web_request(),
    )
    return inspection, access


def test_an_inspector_reads_the_tracked_cases_packs_of_their_inspection_only(
    client, people, inspector_setup, ids
):
    inspection, access = inspector_setup
    selection = CaseSelection.objects.get()
    case = selection.cases.filter(status="tracked").first()
    practice = CaseSelection.objects.create(
        area=people.area,
        kind="practice",
        title="Practice",
        named_on=dt.date(2025, 1, 1),
        documents_due=dt.date(2025, 1, 3),
    )
    other = practice.cases.create(area=people.area, person_id="X1", status="tracked")
    client.force_login(access.user)
    listing = client.get(reverse("cases:inspector_cases"))
    assert listing.status_code == 200 and case.person_id in listing.content.decode()
    assert "X1" not in listing.content.decode()
    pack = client.get(reverse("cases:inspector_pack", args=[case.pk]))
    assert pack.status_code == 200 and pack.content.startswith(b"%PDF")
    assert client.get(reverse("cases:inspector_pack", args=[other.pk])).status_code == 404
    events = AuditEvent.objects.filter(user=access.user, area=people.area)
    assert events.filter(action=AuditAction.VIEWED, detail__contains="inspector Jane Lead").exists()
    assert events.filter(action=AuditAction.EXPORTED, object_type="case_pack").exists()
    # Inspectors do not reach the area's own case pages.
    assert client.get(reverse("cases:case", args=[people.area.code, case.pk])).status_code == 404


def test_an_inspector_outside_their_window_and_area_people_are_refused(
    client, people, inspector_setup
):
    from tests.inspection_requests.conftest import expire

    _, access = inspector_setup
    case = CaseSelection.objects.get().cases.filter(status="tracked").first()
    for user in [people.by_role[Role.LANO], people.outsider]:
        client.force_login(user)
        assert client.get(reverse("cases:inspector_cases")).status_code == 404
    expire(access)
    client.force_login(access.user)
    assert client.get(reverse("cases:inspector_cases")).status_code == 403
    assert client.get(reverse("cases:inspector_pack", args=[case.pk])).status_code == 403
    assert AuditEvent.objects.filter(user=access.user, action=AuditAction.DENIED).exists()
    client.logout()
    assert client.get(reverse("cases:inspector_cases")).status_code == 302


def test_a_case_meeting_shows_in_the_on_site_timetable_with_its_id_only_to_the_team(
    client, people, inspector_setup
):
    inspection, _ = inspector_setup
    case = CaseSelection.objects.get().cases.filter(status="tracked").first()
    lano = people.by_role[Role.LANO]
    day = _step(inspection, "onsite")
    workspace_actions.schedule_meeting(
        actor=lano,
        case=case,
        values={
            "meeting_on": day,
            "meeting_start": dt.time(10),
            "meeting_end": dt.time(11),
            "meeting_where": "Room 2",
        },
    )
    url = reverse("inspections:timetable", args=[people.area.code, inspection.pk])
    client.force_login(lano)
    page = client.get(url).content.decode()
    assert f"Team around case {case.person_id} meets inspectors" in page and "Room 2" in page
    client.force_login(people.by_role[Role.VIEWER])
    page = client.get(url).content.decode()
    assert "The team around a tracked case meets inspectors" in page
    assert case.person_id not in page
    word = client.get(reverse("inspections:timetable_docx", args=[people.area.code, inspection.pk]))
    text = all_text(word.content)
    assert "The team around a tracked case meets inspectors" in text and "Room 2" in text
    assert case.person_id not in text
    client.force_login(lano)
    word = client.get(reverse("inspections:timetable_docx", args=[people.area.code, inspection.pk]))
    assert f"Team around case {case.person_id} meets inspectors" in all_text(word.content)
