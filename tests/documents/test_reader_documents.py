"""Documents for readers: plain English, no app-facing words, accessible Word files, tagged PDFs with
the same words, and "not known yet" wording where the record is empty."""

import datetime as dt
import io
import re
from dataclasses import replace

import pypdf
import pytest
from tests.documents.docx_checks import accessibility_problems, all_text, heading_levels

from sendready.documents.blocks import plain_text
from sendready.documents.briefing_data import BriefingData
from sendready.documents.docx import (
    easy_read_message,
    key_message_to_families,
    onsite_timetable,
    stakeholder_briefing,
)
from sendready.documents.family_message import easy_read, key_message
from sendready.documents.partner_briefing import stakeholder_briefing_written
from sendready.documents.reader_pdf import key_message_pdf, stakeholder_briefing_pdf
from sendready.domain.inspection.frameworks import load_framework
from sendready.domain.inspection.reader_steps import after_report, reader_steps
from sendready.domain.inspection.timeline import build_timeline
from sendready.domain.readers.app_facing import app_facing_phrases
from sendready.domain.readers.readability import flesch_reading_ease

WORD_BUILDERS = [stakeholder_briefing, key_message_to_families, easy_read_message]


def _full(notified=dt.date(2025, 9, 8), outcome=None) -> BriefingData:
    """A 2023 full inspection's briefing with nothing but the dates (every briefing field empty)."""
    framework = load_framework("2023-full")
    timeline = build_timeline("2023-full", notified, outcome=outcome)
    steps = reader_steps(framework, timeline.milestones, outcome)
    onsite = timeline.milestone("onsite")
    return BriefingData(
        area_name="Exampleshire",
        framework_title=framework.title,
        notified=notified,
        onsite_start=onsite.date,
        onsite_end=onsite.end_date,
        milestones=timeline.milestones,
        key_dates=steps,
        after_report=after_report(framework, steps, outcome),
        report_expected=timeline.milestone("report_published").date,
    )


def _pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9']+", text.replace("’", "'"))


def test_the_family_message_reads_as_plain_english(briefing):
    for data in (briefing, _full()):
        text = plain_text(key_message(data))
        assert flesch_reading_ease(text) >= 60, flesch_reading_ease(text)
        assert flesch_reading_ease(plain_text(easy_read(data))) >= 70


def test_the_family_message_expands_its_acronyms(briefing):
    text = plain_text(key_message(briefing))
    assert "Care Quality Commission (CQC)" in text
    assert "special educational needs and disabilities (SEND)" in text


@pytest.mark.parametrize("outcome", [None, "positive", "systemic"])
def test_no_document_for_readers_carries_app_facing_words(outcome, briefing):
    for data in (briefing, _full(outcome=outcome)):
        for build in WORD_BUILDERS:
            text = all_text(build(data))
            assert not app_facing_phrases(text), (build.__name__, app_facing_phrases(text))


def test_before_the_outcome_the_briefing_says_once_what_follows_the_report():
    text = all_text(stakeholder_briefing(_full()))
    assert text.count("After the report, the partnership will") == 1
    assert "priority action plan" not in text and "strategic plan" not in text


def test_after_the_outcome_the_briefing_says_only_what_follows_from_it():
    text = all_text(stakeholder_briefing(_full(outcome="positive")))
    assert "After the report, the partnership will" not in text
    assert "The partnership updates and publishes its SEND strategic plan" in text
    assert "Next full inspection expected within about five years" in text
    assert "priority action plan" not in text and "three years" not in text


def test_every_word_document_passes_the_accessibility_read_back(briefing, sessions):
    for data in (briefing, _full()):
        for build in WORD_BUILDERS:
            assert accessibility_problems(build(data)) == [], build.__name__
    assert accessibility_problems(onsite_timetable(sessions)) == []
    assert accessibility_problems(onsite_timetable([])) == []


def test_a_timetable_without_sessions_says_so_and_has_no_empty_day():
    data = onsite_timetable([], title="On-site timetable: Exampleshire")
    assert "No sessions are planned yet." in all_text(data)
    import docx

    assert [t for _, t in heading_levels(docx.Document(io.BytesIO(data)))] == [
        "On-site timetable: Exampleshire"
    ]


def test_empty_briefing_fields_say_what_is_not_known_yet():
    data = _full()
    briefing_text = all_text(stakeholder_briefing(data))
    for words in (
        "Inspectors have not told us who is in the team yet.",
        "Inspectors have not yet said what they will focus on.",
        "The link to the survey for parents and carers will follow.",
        "The link to the easy-read survey will follow.",
        "The timetable is not ready yet.",
        "The email address for questions will follow.",
    ):
        assert words in briefing_text
    message = all_text(key_message_to_families(data))
    assert "The link will follow." in message
    assert "We will share an email address for questions soon." in message
    for text in (briefing_text, message, all_text(easy_read_message(data))):
        lines = [line.strip() for line in text.splitlines()]
        assert not [line for line in lines if line.endswith(":")], "a dangling colon"
        assert not [line for line in lines if re.search(r"\|\s*(\||$)", line)], "an empty cell"
        assert "None" not in _words(text)


def test_each_audience_gets_its_own_link(briefing):
    data = replace(
        _full(),
        parents_survey_link="https://survey.example.org/parents",
        children_survey_link="https://survey.example.org/young-people",
        children_easy_read_link="https://survey.example.org/easy-read",
        practitioners_survey_link="https://survey.example.org/practitioners",
    )
    written = key_message(data)
    links = {b.text: b.url for b in written.blocks if b.kind == "link"}
    assert links["Answer the survey for parents and carers"].endswith("/parents")
    assert links["Answer the survey for children and young people"].endswith("/young-people")
    assert links["Answer the easy-read survey"].endswith("/easy-read")
    assert links["Answer the survey for practitioners"].endswith("/practitioners")
    assert "link will follow" not in plain_text(written).lower()
    easy = {b.url for b in easy_read(data).blocks if b.kind == "link"}
    assert easy == {"https://survey.example.org/easy-read"}


def test_the_pdfs_are_tagged_and_say_the_same_words_as_the_word_files(briefing):
    for build_pdf, written in (
        (key_message_pdf, key_message(briefing)),
        (stakeholder_briefing_pdf, stakeholder_briefing_written(briefing)),
    ):
        data = build_pdf(briefing)
        reader = pypdf.PdfReader(io.BytesIO(data))
        root = reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
        assert root["/Lang"] == "en-GB"
        assert reader.metadata.title == written.title
        assert _words(_pdf_text(data)) == _words(plain_text(written))
