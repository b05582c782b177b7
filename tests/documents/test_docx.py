"""Word documents open back with the headings, tables and family-facing details councils need."""

import io

from docx import Document

from sendready.documents.docx import key_message_to_families, onsite_timetable, stakeholder_briefing

SURVEY_TEXT = (
    "The survey opens at 12:00 on Monday 24 January 2022. "
    "It closes at 12:00 on Friday 28 January 2022."
)


def open_doc(data: bytes):
    return Document(io.BytesIO(data))


def headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def text_of(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def cells(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_the_stakeholder_briefing_has_the_sections_councils_write(briefing):
    document = open_doc(stakeholder_briefing(briefing))
    found = headings(document)
    for heading in (
        "What is happening",
        "The inspection team",
        "What inspectors will look at",
        "How families can give their views",
        "Key dates",
        "What happens next",
        "Draft on-site timetable",
        "Contact",
    ):
        assert heading in found
    assert found[0].endswith(": Exampleshire")


def test_the_briefing_says_when_inspectors_are_on_site_and_gives_the_survey_window(briefing):
    text = text_of(open_doc(stakeholder_briefing(briefing)))
    assert "from Monday 31 January 2022 to Thursday 3 February 2022" in text
    assert SURVEY_TEXT in text
    assert "Call +44 20 0000 0000. Then enter the conference ID 123 456 789#." in text
    assert "send.improvement@example.gov.uk" in text


def test_the_briefing_lists_the_team_in_a_table(briefing):
    team = cells(open_doc(stakeholder_briefing(briefing)).tables[0])
    assert team[0] == ["Name", "Role", "Organisation"]
    assert team[1] == ["A. Inspector", "Lead HMI", "Ofsted"]


def test_the_briefing_key_dates_include_the_letter_in_public_wording(briefing):
    key_dates = cells(open_doc(stakeholder_briefing(briefing)).tables[1])
    assert [
        "Tuesday 22 March 2022",
        "Re-visit letter published",
        "Inspectors (Ofsted and CQC)",
    ] in key_dates


def test_the_briefing_links_are_clickable(briefing):
    document = open_doc(stakeholder_briefing(briefing))
    urls = {link.url for p in document.paragraphs for link in p.hyperlinks}
    assert {"https://survey.example.org/parents", "https://teams.example.org/join"} <= urls


def test_the_family_message_explains_how_to_give_views(briefing):
    document = open_doc(key_message_to_families(briefing))
    assert "Tell inspectors what you think" in headings(document)
    text = text_of(document)
    assert SURVEY_TEXT in text
    assert (
        "Exampleshire Parent Carer Forum is holding an online meeting on Tuesday 1 February 2022, "
        "from 11:00 to 12:00."
    ) in text
    assert "You can also join by phone (sound only). Call +44 20 0000 0000." in text
    assert not document.tables


def test_the_family_message_works_without_a_survey_or_meeting(briefing):
    from dataclasses import replace

    document = open_doc(key_message_to_families(replace(briefing, survey=None, forum_meeting=None)))
    text = text_of(document)
    assert "The survey has no dates yet." in text
    assert "We do not know the date yet." in text


def test_the_timetable_has_a_table_per_day_with_am_and_pm(sessions):
    document = open_doc(onsite_timetable(sessions))
    assert headings(document) == [
        "On-site timetable",
        "Monday 31 January 2022",
        "Tuesday 1 February 2022",
    ]
    monday = cells(document.tables[0])
    assert monday[0] == ["Session", "Time", "Meeting or activity", "Focus", "Who attends", "Where"]
    assert monday[1][:3] == [
        "AM",
        "09:30 to 10:30",
        "Meeting with leaders responsible for the WSOA",
    ]
    assert monday[2][0] == "PM" and monday[2][5] == "https://teams.example.org/forum"
    assert cells(document.tables[1])[1][1] == "11:00"
