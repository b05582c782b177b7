"""Writing a position on a criterion: who may, what history and audit it leaves, comments."""

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.selfevaluation import actions
from sendready.selfevaluation.models import Change, SelfEvaluation
from tests.selfevaluation.conftest import url

POSITION = {
    "position": "inconsistent",
    "rationale": "Waits for neurodevelopmental assessment vary by locality.",
    "what_we_know": "62% of new plans within 20 weeks.\nHealth advice late in a third of cases.",
    "what_it_means": "Families in the north wait longest.",
    "what_next": "Joint triage pilot from January.",
}


def test_a_get_never_starts_the_self_evaluation(client, people):
    client.force_login(people.by_role[Role.LANO])
    page = client.get(url("overview", people.area)).content.decode()
    assert "Start the self-evaluation" in page
    assert client.get(url("criterion", people.area, "identified")).status_code == 404
    assert client.get(url("sef_docx", people.area)).status_code == 404
    assert not SelfEvaluation.objects.exists()
    assert not AuditEvent.objects.filter(object_type__startswith="self_evaluation").exists()


def test_a_viewer_cannot_start_it_and_is_told_who_can(client, people):
    client.force_login(people.by_role[Role.VIEWER])
    assert (
        "A LANO or a senior leader can start it"
        in client.get(url("overview", people.area)).content.decode()
    )
    assert client.post(url("start", people.area)).status_code == 403
    assert not SelfEvaluation.objects.exists()


def test_starting_answers_the_newest_criteria_version_with_every_criterion(client, people):
    client.force_login(people.by_role[Role.LANO])
    assert client.post(url("start", people.area)).status_code == 302
    client.post(url("start", people.area))  # a second press changes nothing
    sef = SelfEvaluation.objects.get(area=people.area)
    assert sef.criteria_version == "2023" and sef.entries.count() == 12
    assert AuditEvent.objects.filter(object_type="self_evaluation", action="created").count() == 1
    client.force_login(people.by_role[Role.VIEWER])
    text = client.get(url("overview", people.area)).content.decode()
    assert "version 2023" in text and "Leaders evaluate services and make improvements" in text
    assert text.count("Wording unconfirmed") == 7  # six system leadership criteria and AP
    page = client.get(url("criterion", people.area, "ambitious")).content.decode()
    assert "Wording unconfirmed." in page and "seed 003" in page
    page = client.get(url("criterion", people.area, "identified")).content.decode()
    assert "Wording unconfirmed" not in page


def test_a_lano_writes_a_position_and_every_change_is_in_the_history_and_the_audit_log(
    client, people, sef
):
    client.force_login(people.by_role[Role.LANO])
    response = client.post(url("criterion_edit", people.area, "identified"), POSITION)
    assert response.status_code == 302
    entry = sef.entries.get(key="identified")
    assert (
        entry.position == "inconsistent" and entry.what_next == "Joint triage pilot from January."
    )
    labels = set(Change.objects.filter(criterion_key="identified").values_list("label", flat=True))
    assert labels == {
        "Position",
        "Rationale",
        "What do we know?",
        "What does it mean?",
        "What next?",
    }
    assert AuditEvent.objects.filter(
        action=AuditAction.CHANGED, object_type="self_evaluation_criterion", object_id=str(entry.pk)
    ).exists()
    page = client.get(url("criterion", people.area, "identified")).content.decode()
    assert "Inconsistent experiences and outcomes" in page and "a_lano" in page


def test_a_position_without_a_rationale_is_refused_and_nothing_changes(client, people, sef):
    client.force_login(people.by_role[Role.LANO])
    response = client.post(
        url("criterion_edit", people.area, "identified"), {"position": "positive"}
    )
    assert response.status_code == 200
    assert "Give the rationale for the position you chose" in response.content.decode()
    assert sef.entries.get(key="identified").position == ""
    assert not Change.objects.exists()


def test_a_system_lead_edits_the_criteria_they_lead_and_no_other(client, people, sef):
    lead = people.by_role[Role.SYSTEM_LEAD]
    actions.set_lead(
        actor=people.by_role[Role.LANO], entry=sef.entries.get(key="right_help"), lead=lead
    )
    client.force_login(lead)
    assert (
        client.post(url("criterion_edit", people.area, "right_help"), POSITION).status_code == 302
    )
    assert client.get(url("criterion_edit", people.area, "included")).status_code == 302
    assert client.post(url("criterion_edit", people.area, "included"), POSITION).status_code == 403
    assert sef.entries.get(key="included").position == ""


def test_naming_a_system_lead_is_recorded_in_the_history(client, people, sef):
    client.force_login(people.by_role[Role.SENIOR_LEADER])
    lead = people.by_role[Role.SYSTEM_LEAD]
    client.post(url("criterion_lead", people.area, "included"), {"lead": lead.pk})
    assert sef.entries.get(key="included").lead == lead
    change = Change.objects.get(criterion_key="included", field="lead")
    assert change.new == lead.username and change.by_name == "a_senior_leader"


def test_only_members_who_can_edit_are_offered_as_system_leads(client, people, sef):
    client.force_login(people.by_role[Role.LANO])
    viewer = people.by_role[Role.VIEWER]
    response = client.post(url("criterion_lead", people.area, "included"), {"lead": viewer.pk})
    assert response.status_code == 200
    assert "Choose a member of this area from the list" in response.content.decode()
    assert sef.entries.get(key="included").lead is None


def test_the_parent_carer_forum_reads_and_comments_but_cannot_edit(client, people, sef):
    client.force_login(people.by_role[Role.PCF_REP])
    assert client.get(url("criterion_edit", people.area, "participate")).status_code == 403
    client.post(
        url("criterion_comment", people.area, "participate"),
        {"text": "Families say plans are written for them, not with them."},
    )
    page = client.get(url("criterion", people.area, "participate")).content.decode()
    assert "written for them, not with them" in page and "Parent carer forum representative" in page


def test_a_viewer_cannot_comment(client, people, sef):
    client.force_login(people.by_role[Role.VIEWER])
    response = client.post(url("criterion_comment", people.area, "participate"), {"text": "Hello"})
    assert response.status_code == 403
    assert not sef.comments.exists()


def test_another_areas_self_evaluation_is_not_found(client, two_areas, sef):
    people, area_b = two_areas
    client.force_login(people.outsider)
    assert client.get(url("criterion", people.area, "identified")).status_code == 404
    assert (
        client.post(url("criterion_edit", people.area, "identified"), POSITION).status_code == 404
    )
    assert sef.entries.get(key="identified").position == ""


def test_an_unknown_criterion_is_not_found(client, people, sef):
    client.force_login(people.by_role[Role.LANO])
    assert client.get(url("criterion", people.area, "nonsense")).status_code == 404


def test_the_self_assessment_from_the_area_answers_says_what_would_follow(client, people, sef):
    client.force_login(people.by_role[Role.LANO])
    answers = {
        "positive_experiences": "yes",
        "strong_outcomes": "no",
        "taking_action": "yes",
        "priority_actions": "0",
        "assessment_rationale": "Outcomes at 16 lag the region.",
    }
    assert client.post(url("assessment_edit", people.area), answers).status_code == 302
    page = client.get(url("assessment", people.area) + "?report_date=2025-11-20").content.decode()
    assert "Inconsistent experiences and outcomes" in page
    assert "not a prediction of the inspectors" in page
    assert (
        "Next full inspection expected (about three years)" in page and "20 November 2028" in page
    )
    assert Change.objects.filter(criterion_key="", field="strong_outcomes", new="No").exists()


def test_the_self_assessment_refuses_a_negative_number_of_priority_actions(client, people, sef):
    client.force_login(people.by_role[Role.SENIOR_LEADER])
    answers = {
        "positive_experiences": "yes",
        "strong_outcomes": "yes",
        "taking_action": "yes",
        "priority_actions": "-2",
    }
    response = client.post(url("assessment_edit", people.area), answers)
    assert "cannot be below 0" in response.content.decode()
    sef.refresh_from_db()
    assert sef.priority_actions is None


def test_a_system_lead_cannot_answer_the_self_assessment(client, people, sef):
    client.force_login(people.by_role[Role.SYSTEM_LEAD])
    assert client.get(url("assessment_edit", people.area)).status_code == 403


def test_the_area_overview_shows_the_evidence_gaps(client, people, sef):
    client.force_login(people.by_role[Role.VIEWER])
    page = client.get(f"/areas/{people.area.code}/").content.decode()
    assert "Criteria with no evidence: 12" in page
