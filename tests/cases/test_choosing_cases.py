"""Choosing a practice sample, recording inspectors' choice and replacing a case whose family declined."""

import pytest
from django.urls import reverse

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.cases.constants import CaseStatus, SelectionKind
from sendready.cases.models import CaseSelection, EvidenceTask, TrackedCase


def post_sample(client, area, seed=7, mix="seed"):
    return client.post(
        reverse("cases:sample_new", args=[area.code]),
        {
            "mix": mix,
            "seed": seed,
            "named_on_day": "2",
            "named_on_month": "4",
            "named_on_year": "2025",
        },
    )


def test_a_lano_chooses_a_practice_sample_with_substitutes_and_evidence_items(
    client, people, lano, snapshot
):
    client.force_login(lano)
    response = post_sample(client, people.area)
    selection = CaseSelection.objects.get()
    assert response.status_code == 302
    assert selection.kind == SelectionKind.PRACTICE and selection.mix == "seed"
    tracked = selection.cases.filter(status=CaseStatus.TRACKED)
    assert (
        tracked.count() == 6 and selection.cases.filter(status=CaseStatus.SUBSTITUTE).count() == 6
    )
    assert sorted(c.profile["sen_status"] for c in tracked) == ["E"] * 4 + ["K"] * 2
    assert EvidenceTask.objects.filter(case__in=tracked).count() == 36
    assert str(selection.documents_due) == "2025-04-04"  # 2 working days after 2 April
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATED, object_type="case_selection"
    ).exists()
    page = client.get(reverse("cases:selection", args=[people.area.code, selection.pk]))
    text = page.content.decode()
    assert all(c.person_id in text for c in selection.cases.all())
    assert "EHC plan" in text and "Substitutes" in text


def test_the_same_seed_chooses_the_same_cases(client, people, lano, snapshot):
    client.force_login(lano)
    post_sample(client, people.area, seed=3)
    post_sample(client, people.area, seed=3)
    first, second = CaseSelection.objects.order_by("pk")
    assert list(first.cases.values_list("person_id", "status")) == list(
        second.cases.values_list("person_id", "status")
    )


def test_without_a_snapshot_the_page_says_to_import_one_first(client, people, lano):
    client.force_login(lano)
    response = client.get(reverse("cases:sample_new", args=[people.area.code]))
    assert "has no person-level data yet" in response.content.decode()
    post_sample(client, people.area)
    assert not CaseSelection.objects.exists()


def test_a_bad_seed_is_refused_in_words(client, people, lano, snapshot):
    client.force_login(lano)
    response = post_sample(client, people.area, seed="lots")
    assert "Enter the seed as a whole number" in response.content.decode()
    assert not CaseSelection.objects.exists()


def named(client, area, tracked, substitutes=""):
    return client.post(
        reverse("cases:named_new", args=[area.code]),
        {
            "tracked_ids": tracked,
            "substitute_ids": substitutes,
            "named_on_day": "2",
            "named_on_month": "4",
            "named_on_year": "2025",
        },
    )


def test_the_lano_records_the_ids_inspectors_named(client, people, lano, snapshot):
    ids = snapshot.read(["person_id"])["person_id"].to_list()
    client.force_login(lano)
    response = named(client, people.area, "\n".join(ids[:6]), ", ".join(ids[6:8]))
    assert response.status_code == 302
    selection = CaseSelection.objects.get()
    assert selection.kind == SelectionKind.INSPECTION
    assert (
        list(selection.cases.filter(status="tracked").values_list("person_id", flat=True))
        == ids[:6]
    )
    assert selection.cases.filter(status="substitute").count() == 2


def test_an_id_not_in_the_snapshot_is_refused_and_nothing_is_saved(client, people, lano, snapshot):
    ids = snapshot.read(["person_id"])["person_id"].to_list()
    client.force_login(lano)
    response = named(client, people.area, f"{ids[0]}\nX999")
    text = response.content.decode()
    assert "Not in the snapshot of 31 March 2025: X999." in text
    assert "There is a problem" in text
    assert not CaseSelection.objects.exists() and not TrackedCase.objects.exists()


def test_an_id_named_twice_or_as_both_case_and_substitute_is_refused(
    client, people, lano, snapshot
):
    ids = snapshot.read(["person_id"])["person_id"].to_list()
    client.force_login(lano)
    assert "Each id only once" in named(client, people.area, f"{ids[0]} {ids[0]}").content.decode()
    text = named(client, people.area, ids[0], ids[0]).content.decode()
    assert "Already a tracked case, not a substitute" in text
    assert not CaseSelection.objects.exists()


def test_when_a_family_declines_the_substitute_is_tracked_with_the_reason(
    client, people, lano, case
):
    substitute = case.substitutes.get()
    client.force_login(lano)
    response = client.post(
        reverse("cases:decline", args=[people.area.code, case.pk]),
        {"reason": "Parent does not wish to take part", "substitute": substitute.pk},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    substitute.refresh_from_db()
    assert case.status == CaseStatus.DECLINED
    assert case.declined_reason == "Parent does not wish to take part"
    assert substitute.status == CaseStatus.TRACKED and substitute.replaces == case
    assert substitute.evidence.count() == 6


def test_declining_without_a_reason_changes_nothing(client, people, lano, case):
    client.force_login(lano)
    response = client.post(
        reverse("cases:decline", args=[people.area.code, case.pk]),
        {"reason": "", "substitute": case.substitutes.get().pk},
    )
    assert "Enter why the family declined" in response.content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.TRACKED


@pytest.mark.parametrize("role", [Role.SENIOR_LEADER, Role.SYSTEM_LEAD])
def test_people_not_on_the_team_cannot_open_the_case_and_the_attempt_is_logged(
    client, people, case, role
):
    client.force_login(people.by_role[role])
    response = client.get(reverse("cases:case", args=[people.area.code, case.pk]))
    assert response.status_code == 404
    assert AuditEvent.objects.filter(
        action=AuditAction.DENIED, object_type="tracked_case", object_id=str(case.pk)
    ).exists()
    listing = client.get(reverse("cases:list", args=[people.area.code])).content.decode()
    assert case.person_id not in listing


def test_a_team_member_opens_the_case_and_the_view_is_audited(client, people, case):
    practitioner = people.by_role[Role.PRACTITIONER]
    client.force_login(practitioner)
    response = client.get(reverse("cases:case", args=[people.area.code, case.pk]))
    assert response.status_code == 200
    assert (
        "chosen for" in response.content.decode().lower()
        or case.reasons[0] in response.content.decode()
    )
    event = AuditEvent.objects.filter(action=AuditAction.VIEWED, object_type="tracked_case").latest(
        "at"
    )
    assert event.user == practitioner and case.person_id in event.detail
    listing = client.get(reverse("cases:list", args=[people.area.code])).content.decode()
    assert case.person_id in listing
    others = case.selection.cases.exclude(pk=case.pk).filter(status="tracked")
    assert all(o.person_id not in listing for o in others)


def test_a_member_of_another_area_cannot_reach_a_case(client, two_areas, case):
    people, _ = two_areas
    client.force_login(people.outsider)
    assert client.get(reverse("cases:case", args=[people.area.code, case.pk])).status_code == 404


def test_the_lano_puts_a_person_on_the_team_and_takes_them_off(client, people, lano, case):
    leader = people.by_role[Role.SENIOR_LEADER]
    client.force_login(lano)
    url = reverse("cases:team", args=[people.area.code, case.pk])
    client.post(
        url,
        {"do": "add", "user": leader.pk, "role_title": "Head of SEND", "agency": "education"},
    )
    member = case.members.get(user=leader)
    assert member.role_title == "Head of SEND" and not member.is_auditor
    client.post(url, {"do": "remove", "member": member.pk})
    assert not case.members.filter(user=leader).exists()


def test_a_parent_carer_forum_representative_cannot_be_put_on_a_team(client, people, lano, case):
    client.force_login(lano)
    response = client.post(
        reverse("cases:team", args=[people.area.code, case.pk]),
        {
            "do": "add",
            "user": people.by_role[Role.PCF_REP].pk,
            "role_title": "x",
            "agency": "education",
        },
    )
    assert response.status_code == 200
    assert not case.members.filter(user=people.by_role[Role.PCF_REP]).exists()
