"""The evaluation criteria as versioned data, the outcome self-assessment and evidence coverage."""

import datetime as dt

import pytest
from tests.conftest import SHARED

from sendready.domain.inspection import criteria as criteria_module
from sendready.domain.inspection.annex_a import completeness, default_checklist
from sendready.domain.inspection.coverage import EvidenceFacts, coverage
from sendready.domain.inspection.criteria import (
    UnknownCriteria,
    latest_for,
    list_versions,
    load_criteria,
)
from sendready.domain.inspection.frameworks import list_frameworks
from sendready.domain.inspection.outcomes import OutcomeError, follow_ups
from sendready.domain.inspection.self_assessment import Answers, assess, suggest_answers

REPORT = dt.date(2025, 11, 20)


def test_the_2023_criteria_quote_the_five_children_and_young_people_criteria_the_reference_confirms():
    criteria = load_criteria("2023")
    children = criteria.in_group("children")
    assert [c.text for c in children][0] == (
        "Children and young people's needs are identified accurately and assessed in a timely "
        "and effective way"
    )
    assert len(children) == 5 and all(c.status == "confirmed" for c in children)


def test_the_leadership_criteria_are_the_seeds_wording_and_marked_unconfirmed():
    """The reference says the system leadership wording is unconfirmed; the seed lists it."""
    seed = (SHARED / "seeds" / "003_1232cda250586aff.txt").read_text(encoding="utf-8")
    leadership = load_criteria("2023").in_group("leadership")
    assert len(leadership) == 6
    assert all(c.source == "seed-003" and c.status == "unconfirmed" for c in leadership)
    assert all(c.text in seed and c.note for c in leadership)


def test_only_the_children_criteria_the_reference_quotes_are_marked_confirmed():
    reference = (SHARED / "reference" / "area-send-facts.md").read_text(encoding="utf-8").lower()
    for c in load_criteria("2023").criteria:
        quoted = f'"{c.text.lower()}"' in reference
        assert (c.status == "confirmed") == quoted, c.key


def test_alternative_provision_is_a_criterion_with_its_2025_addition_in_our_words():
    ap = load_criteria("2023").criterion("alternative_provision")
    assert "unregistered" in ap.text and ap.status == "unconfirmed" and "ours" in ap.note


def test_the_three_questions_and_five_evidence_types_are_the_seeds():
    criteria = load_criteria("2023")
    assert [q.title for q in criteria.questions] == [
        "What do we know?",
        "What does it mean?",
        "What next?",
    ]
    assert [t.key for t in criteria.evidence_types] == [
        "lived_experience",
        "case_study",
        "aggregated_data",
        "quality_assurance",
        "local_policy",
    ]


def test_criteria_files_are_not_mistaken_for_frameworks():
    assert "criteria-2023" not in list_frameworks() and "2023" in list_versions()


def test_an_unknown_version_names_the_versions_there_are():
    with pytest.raises(UnknownCriteria, match="2023"):
        load_criteria("1999")


def test_a_revised_version_loads_beside_the_old_one_and_becomes_the_latest(tmp_path, monkeypatch):
    import json
    import shutil

    folder = tmp_path / "criteria"
    folder.mkdir()
    original = criteria_module._package_dir().joinpath("criteria-2023.json")
    shutil.copy(str(original), folder / "criteria-2023.json")
    revised = json.loads(original.read_text("utf-8"))
    revised.update(version="2026", revised="2026-09-01")
    (folder / "criteria-2026.json").write_text(json.dumps(revised), "utf-8")
    monkeypatch.setattr(criteria_module, "_package_dir", lambda: folder)
    criteria_module._load.cache_clear()
    try:
        assert list_versions() == ["2023", "2026"]
        assert latest_for("2023-full").version == "2026"
        assert load_criteria("2023").version == "2023"
    finally:
        criteria_module._load.cache_clear()


@pytest.mark.parametrize(
    "answers,outcome",
    [
        (Answers(True, True, True, 0), "positive"),
        (Answers(True, False, True, 0), "inconsistent"),
        (Answers(False, True, True, 0), "inconsistent"),
        (Answers(True, True, False, 0), "inconsistent"),
        (Answers(True, True, True, 1), "systemic"),
        (Answers(False, False, False, 3), "systemic"),
    ],
)
def test_any_area_for_priority_action_means_the_lowest_outcome(answers, outcome):
    assert assess(latest_for("2023-full"), answers, REPORT).outcome == outcome


def test_the_follow_ups_are_the_recorded_outcome_rules_of_the_timeline():
    result = assess(latest_for("2023-full"), Answers(False, False, True, 2), REPORT)
    assert list(result.follow_ups) == follow_ups("2023-full", "systemic", REPORT)
    keys = {f.key for f in result.follow_ups}
    assert {"pap_due", "monitoring_inspection", "next_full_3_years"} <= keys
    assert "not a prediction" in result.as_dict()["label"]


def test_a_negative_number_of_priority_actions_is_refused():
    with pytest.raises(OutcomeError):
        assess(latest_for("2023-full"), Answers(True, True, True, -1), REPORT)


def test_positions_suggest_the_answers_and_count_lowest_placed_criteria():
    criteria = latest_for("2023-full")
    positions = {key: "positive" for key in criteria.criterion_keys()}
    assert suggest_answers(criteria, positions).answers == Answers(True, True, True, 0)
    positions["next_steps"] = "inconsistent"
    positions["commission"] = "systemic"
    suggestion = suggest_answers(criteria, positions)
    assert suggestion.answers == Answers(True, False, False, 1)
    assert suggestion.unrated == ()


def test_coverage_finds_criteria_without_evidence_recent_evidence_or_lived_experience():
    evidence = [
        EvidenceFacts(1, "lived_experience", dt.date(2025, 7, 1), None, frozenset({"identified"})),
        EvidenceFacts(
            2, "case_study", dt.date(2024, 3, 1), dt.date(2025, 1, 1), frozenset({"right_help"})
        ),
    ]
    result = coverage(
        ["identified", "right_help", "included"], evidence, dt.date(2025, 9, 8), dt.date(2025, 1, 1)
    )
    by_key = {c.key: c for c in result.criteria}
    assert by_key["identified"].gaps == ()
    assert by_key["included"].gaps == ("No evidence",)
    assert "No account of lived experience" in by_key["right_help"].gaps
    assert any("1 January 2025" in g for g in by_key["right_help"].gaps)
    assert result.past_review == (2,)


def test_the_annex_a_list_marks_what_the_reference_confirms_and_the_areas_own():
    checklist = default_checklist("2023-full")
    confirmed = {i.key for i in checklist.items if i.confirmed}
    assert {
        "self_evaluation",
        "send_strategy",
        "action_plans",
        "person_level_data",
        "health_commissioning",
        "residential_special_schools",
    } <= confirmed
    assert {i.key for i in checklist.items if not i.confirmed} == {
        "jsna",
        "ap_strategy",
        "local_offer",
    }


def test_completeness_counts_done_and_overdue_items():
    now = dt.datetime(2025, 9, 12, 18, tzinfo=dt.UTC)
    due = dt.datetime(2025, 9, 12, 17, tzinfo=dt.UTC)
    result = completeness(
        [("ready", due), ("to_do", due), ("not_needed", due), ("to_do", None)], now
    )
    assert (result.total, result.done, result.overdue, result.percent) == (4, 2, 1, 50)
