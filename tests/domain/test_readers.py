"""Reader text rules: Flesch reading ease, app-facing phrases, and each step's public wording."""

import datetime as dt

import pytest

from sendready.domain.inspection.frameworks import list_frameworks, load_framework
from sendready.domain.inspection.reader_steps import after_report, reader_steps
from sendready.domain.inspection.timeline import build_timeline
from sendready.domain.readers.app_facing import app_facing_phrases
from sendready.domain.readers.readability import flesch_reading_ease, measure, syllables


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("cat", 1),
        ("care", 1),
        ("table", 2),
        ("services", 3),
        ("wanted", 2),
        ("published", 2),
        ("families", 3),
        ("inspectors", 3),
        ("educational", 5),
        ("2025", 1),
    ],
)
def test_syllables_follow_english_spelling(word, count):
    assert syllables(word) == count


def test_a_short_plain_sentence_reads_easily_and_a_long_formal_one_does_not():
    assert flesch_reading_ease("The cat sat on the mat.") > 100
    formal = (
        "Ofsted and the Care Quality Commission are evaluating the effectiveness of the "
        "partnership's arrangements for identifying, assessing and meeting the needs of children "
        "and young people with special educational needs and disabilities."
    )
    assert flesch_reading_ease(formal) < 30


def test_the_formula_is_fleschs():
    counts = measure("Inspectors are coming. They want to hear from you.")
    assert (counts.sentences, counts.words, counts.syllables) == (2, 9, 12)
    expected = 206.835 - 1.015 * (9 / 2) - 84.6 * (12 / 9)
    assert counts.flesch_reading_ease == pytest.approx(expected)


def test_addresses_are_not_read_and_each_line_is_a_sentence():
    plain = measure("Questions\nEmail send@example.gov.uk or see https://example.org/a_long_path")
    assert plain.sentences == 2 and plain.words == 4


def test_app_facing_phrases_are_found_with_their_reason():
    found = app_facing_phrases(
        "Ofsted and CQC publish the report. Override 'report_published' with the real date once "
        "you know it. If the outcome is positive: update the plan."
    )
    words = {f.found.lower() for f in found}
    assert {"override", "report_published", "once you know it", "if the outcome"} <= words
    assert all(f.why for f in found)


def test_reader_text_and_addresses_are_not_app_facing():
    assert not app_facing_phrases(
        "Ofsted will publish the report on its website. Email send_team@example.gov.uk or "
        "visit https://example.org/send_inspection."
    )


@pytest.mark.parametrize("name", list_frameworks())
def test_every_public_wording_is_free_of_app_facing_phrases(name):
    framework = load_framework(name)
    for step in framework.steps:
        if step.public:
            text = f"{step.public.title}. {step.public.text}"
            assert not app_facing_phrases(text), (step.key, app_facing_phrases(text))
    assert framework.public.after_report and not app_facing_phrases(framework.public.after_report)


def test_steps_whose_description_is_for_app_users_have_reader_wording_or_stay_in_the_app():
    for name in list_frameworks():
        for step in load_framework(name).steps:
            if app_facing_phrases(step.description) and step.public:
                assert not app_facing_phrases(step.public.text)
    report = load_framework("2023-full").step("report_published")
    assert "Override" in report.description and report.public
    assert "Override" not in report.public.text


def test_before_the_outcome_what_follows_it_is_said_once():
    framework = load_framework("2023-full")
    timeline = build_timeline("2023-full", dt.date(2025, 9, 8))
    steps = reader_steps(framework, timeline.milestones, None)
    keys = [s.key for s in steps]
    assert "report_published" in keys
    assert not {"strategic_plan", "pap_due", "next_full_5_years"} & set(keys)
    assert "self_evaluation_shared" not in keys  # app-facing only
    lines = after_report(framework, steps, None)
    assert lines[-1].startswith("After the report, the partnership will")
    assert sum("After the report" in line for line in lines) == 1


def test_after_the_outcome_only_what_follows_from_it():
    framework = load_framework("2023-full")
    timeline = build_timeline("2023-full", dt.date(2025, 9, 8), outcome="systemic")
    steps = reader_steps(framework, timeline.milestones, "systemic")
    keys = {s.key for s in steps}
    assert {"pap_due", "monitoring_inspection", "next_full_3_years"} <= keys
    assert not {"strategic_plan", "next_full_5_years"} & keys
    lines = after_report(framework, steps, "systemic")
    assert not any("After the report, the partnership will" in line for line in lines)
    assert any(
        line.startswith("The partnership sends its priority action plan – ") for line in lines
    )
