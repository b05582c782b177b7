"""Moving a self-evaluation to a revised framework's criteria, loaded beside the old version: answers
of criteria whose keys carry over are copied, the rest are listed, and the SEF says its version."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.domain.inspection import criteria as criteria_module
from sendready.selfevaluation import actions, evidence_actions, version_actions
from sendready.selfevaluation.models import Change, Evidence, SelfEvaluation
from sendready.selfevaluation.testing import sample_pdf
from tests.conftest import ROOT
from tests.selfevaluation.conftest import url


@pytest.fixture
def revised():
    """Version 2026 (tests/data/criteria) beside the shipped 2023: keeps identified and right_help."""
    with criteria_module.extra_criteria(ROOT / "tests" / "data" / "criteria"):
        yield criteria_module.load_criteria("2026")


def _evidence(lano, sef, title, criteria, upload=None):
    return evidence_actions.save_evidence(
        actor=lano,
        sef=sef,
        values={
            "kind": "case_study",
            "title": title,
            "evidence_date": dt.date(2025, 5, 1),
            "criteria": criteria,
            "link": "" if upload else "https://example.org/e",
        },
        upload=upload,
    )


@pytest.fixture
def answered(people, sef):
    lano, health = people.by_role[Role.LANO], people.by_role[Role.HEALTH_LEAD]
    for key in ("identified", "ambitious"):
        entry = sef.entries.get(key=key)
        actions.set_lead(actor=lano, entry=entry, lead=health)
        actions.save_entry(
            actor=lano,
            entry=entry,
            values={"position": "inconsistent", "rationale": f"Why {key}", "what_next": "Plan"},
        )
    actions.add_comment(
        actor=people.by_role[Role.PCF_REP],
        sef=sef,
        criterion_key="identified",
        text="Agreed",
        role="Parent carer forum representative",
    )
    _evidence(lano, sef, "Shared file", ["identified", "ambitious"], sample_pdf("shared.pdf"))
    _evidence(lano, sef, "Leadership only", ["ambitious"])
    return sef


def test_the_carry_over_lists_kept_dropped_and_new_keys(revised):
    plan = criteria_module.carry_over(criteria_module.load_criteria("2023"), revised)
    assert plan.kept == ("identified", "right_help")
    assert "ambitious" in plan.dropped and len(plan.dropped) == 10
    assert plan.added == ("belonging", "leaders_plan")
    assert criteria_module.latest_for("2023-full").version == "2026"


def test_the_page_shows_what_would_carry_over_and_a_get_writes_nothing(
    client, people, answered, revised
):
    client.force_login(people.by_role[Role.VIEWER])
    assert (
        "A revised version of the criteria (2026)"
        in client.get(url("overview", people.area)).content.decode()
    )
    page = client.get(url("move", people.area)).content.decode()
    kept = page[page.index('id="kept"') :]
    assert "Children and young people receive the right help" in kept[: kept.index("</ul>")]
    assert "Leaders are ambitious" in page and "“Leadership only”" in page
    assert "A LANO or a senior leader can move it" in page
    assert client.post(url("move", people.area)).status_code == 403
    assert SelfEvaluation.objects.count() == 1


def test_moving_copies_what_carries_over_and_keeps_the_old_sef(client, people, answered, revised):
    client.force_login(people.by_role[Role.LANO])
    assert client.post(url("move", people.area)).status_code == 302
    moved = SelfEvaluation.objects.get(criteria_version="2026")
    assert moved.previous == answered and moved.entries.count() == 4
    entry = moved.entries.get(key="identified")
    assert entry.position == "inconsistent" and entry.lead == people.by_role[Role.HEALTH_LEAD]
    assert entry.rationale == "Why identified" and moved.entries.get(key="belonging").position == ""
    assert list(moved.comments.values_list("text", flat=True)) == ["Agreed"]
    copied = moved.evidence.get()
    assert copied.title == "Shared file" and copied.criteria == ["identified"]
    assert answered.evidence.count() == 2  # the old SEF keeps everything
    assert answered.entries.get(key="ambitious").position == "inconsistent"
    assert Change.objects.get(sef=moved, field="criteria_version").new == "2026"
    event = AuditEvent.objects.get(object_type="self_evaluation", object_id=str(moved.pk))
    assert event.action == AuditAction.CREATED and "ambitious" in event.detail
    page = client.get(url("overview", people.area)).content.decode()
    assert "version 2026" in page and "Earlier self-evaluations: criteria version 2023" in page
    after = client.get(url("move", people.area)).content.decode()
    assert "Moved from version 2023" in after and "Leaders are ambitious" in after
    assert "This is the newest version" in after


def test_a_shared_file_stays_until_no_evidence_refers_to_it(client, people, answered, revised):
    from django.core.files.storage import default_storage

    lano = people.by_role[Role.LANO]
    moved, _ = version_actions.move_to_version(actor=lano, sef=answered, version="2026")
    copy = moved.evidence.get()
    with_file = Evidence.objects.filter(file_path=copy.file_path)
    assert with_file.count() == 2
    evidence_actions.remove_evidence(actor=lano, evidence=copy)
    assert default_storage.exists(with_file.get().file_path)


def test_moving_twice_or_backwards_is_refused(people, answered, revised):
    lano = people.by_role[Role.LANO]
    moved, _ = version_actions.move_to_version(actor=lano, sef=answered, version="2026")
    with pytest.raises(ValidationError):
        version_actions.move_to_version(actor=lano, sef=answered, version="2026")
    with pytest.raises(ValidationError):
        version_actions.move_to_version(actor=lano, sef=moved, version="2023")
    assert SelfEvaluation.objects.count() == 2
