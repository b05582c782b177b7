"""The case file audit framework's grades and how far auditors agree."""

import datetime as dt

import numpy as np
import pytest

from sendready.domain.cases.agreement import Rating, agreement, agreement_report
from sendready.domain.cases.audit_framework import GradeError, load_audit_framework
from sendready.domain.cases.evidence import default_due_days, documents_due, evidence_items


def test_the_framework_ties_sections_to_criteria_and_every_plan_section_a_to_k():
    fw = load_audit_framework()
    covered = {p for s in fw.sections for p in s.plan_sections}
    assert {"A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"} <= covered
    assert all(s.criteria and s.guidance for s in fw.sections)
    assert [g.key for g in fw.grades] == [
        "outstanding",
        "good",
        "requires_improvement",
        "inadequate",
    ]


def test_weights_derive_the_overall_grade():
    fw = load_audit_framework()
    all_good = {s.key: "good" for s in fw.sections}
    assert fw.overall(all_good).grade.key == "good"
    heavy = {
        **all_good,
        "needs": "outstanding",
        "outcomes": "outstanding",
        "provision": "outstanding",
    }
    assert fw.overall(heavy).weighted_score == pytest.approx((9 * 4 + 8 * 3) / 17, abs=0.01)


def test_any_inadequate_section_limits_the_overall_grade_unless_the_area_removes_the_rule():
    fw = load_audit_framework()
    grades = {s.key: "outstanding" for s in fw.sections} | {"inclusion": "inadequate"}
    overall = fw.overall(grades)
    assert overall.grade.key == "requires_improvement" and overall.limited
    assert "not graded better" in overall.explain(fw)
    relaxed = fw.adapted({"_overall": {"limit_if_any_inadequate": None}})
    assert relaxed.overall(grades).grade.key == "outstanding"


def test_an_area_can_change_weights_guidance_and_drop_sections():
    fw = load_audit_framework().adapted(
        {"placement": {"enabled": False}, "voice": {"weight": 5, "guidance": "Our words."}}
    )
    assert "placement" not in [s.key for s in fw.active_sections]
    assert fw.section("voice").weight == 5 and fw.section("voice").guidance == "Our words."
    assert fw.overall({"voice": "outstanding", "needs": "good"}).weighted_score == pytest.approx(
        (5 * 4 + 3 * 3) / 8, abs=0.01
    )


def test_a_grade_outside_the_scale_is_refused_in_words():
    with pytest.raises(GradeError, match="Use one of: outstanding, good"):
        load_audit_framework().overall({"voice": "excellent"})


def test_kappa_matches_the_textbook_example():
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    result = agreement(pairs)
    assert result.percent == 70.0 and result.kappa == pytest.approx(0.4)
    assert result.low < 0.4 < result.high


def test_the_kappa_interval_matches_a_bootstrap():
    rng = np.random.default_rng(1)
    grades = ["o", "g", "r", "i"]
    truth = rng.choice(4, 200)
    other = np.where(rng.random(200) < 0.6, truth, rng.choice(4, 200))
    pairs = [(grades[a], grades[b]) for a, b in zip(truth, other)]
    result = agreement(pairs)
    boot = []
    for _ in range(400):
        pick = rng.integers(0, 200, 200)
        boot.append(agreement([pairs[i] for i in pick]).kappa)
    assert result.se == pytest.approx(float(np.std(boot)), rel=0.2)


def test_kappa_is_not_invented_when_everyone_gave_one_grade():
    result = agreement([("good", "good")] * 5)
    assert result.percent == 100.0 and result.kappa is None
    assert "same" in result.note
    assert agreement([]).n == 0


def test_the_report_gives_agreement_per_auditor_and_per_section():
    ratings = [
        Rating("c1", "voice", "ann", "good", "good"),
        Rating("c1", "voice", "bob", "requires_improvement", "good"),
        Rating("c1", "needs", "ann", "good", "good"),
        Rating("c1", "needs", "bob", "good", "good"),
        Rating("c2", "voice", "ann", "inadequate", None),
    ]
    report = agreement_report(ratings)
    assert report["by_auditor"]["ann"]["percent_agreement"] == 100.0
    assert report["by_auditor"]["bob"]["percent_agreement"] == 50.0
    assert report["by_section"]["voice"]["n"] == 2
    assert report["between_auditors"]["n"] == 2


def test_documents_are_due_two_working_days_after_naming_by_default():
    assert default_due_days() == 2
    assert documents_due(dt.date(2026, 12, 24)) == dt.date(
        2026, 12, 30
    )  # Christmas Day and Boxing Day (a Saturday: the 28th) are not working days
    assert [i.key for i in evidence_items()][:2] == ["pen_portrait", "case_file_audit"]
