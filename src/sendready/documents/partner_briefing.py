"""The stakeholder briefing for partners as reader blocks: what is happening, the team, the focus,
how families give their views, the key dates in public wording, what happens after, the timetable."""

from __future__ import annotations

from sendready.documents.blocks import (
    Block,
    Bullets,
    Heading,
    Link,
    Para,
    Table,
    Written,
    timetable_blocks,
)
from sendready.documents.briefing_data import (
    SURVEY_AUDIENCES,
    BriefingData,
    meeting_sentence,
    milestone_when,
    onsite_phrase,
    phone_sentence,
    survey_sentences,
)
from sendready.domain.dates.workdays import long_date


def stakeholder_briefing_written(data: BriefingData) -> Written:
    """The briefing's blocks; every empty field says what is not known yet instead of leaving a gap."""
    blocks: list[Block] = [
        Para(f"Briefing for partners and stakeholders, {long_date(data.notified)}"),
        Heading("What is happening"),
        Para(
            f"On {long_date(data.notified)} Ofsted and the Care Quality Commission (CQC) told "
            f"{data.area_name} about this inspection. Inspectors will be on site "
            f"{onsite_phrase(data.onsite_start, data.onsite_end)}."
        ),
    ]
    if data.purpose:
        blocks.append(Para(data.purpose))
    blocks += _team(data) + _focus(data) + _views(data) + _dates(data) + _next(data)
    blocks += _timetable(data)
    blocks += [Heading("Contact"), _contact(data)]
    return Written(title=f"{data.framework_title}: {data.area_name}", blocks=tuple(blocks))


def _team(data: BriefingData) -> list[Block]:
    heading = Heading("The inspection team")
    if not data.team:
        return [heading, Para("Inspectors have not told us who is in the team yet.")]
    rows = tuple((m.name, m.role, m.organisation or "Not known yet") for m in data.team)
    return [heading, Table("The inspection team", ("Name", "Role", "Organisation"), rows)]


def _focus(data: BriefingData) -> list[Block]:
    heading = Heading("What inspectors will look at")
    if not data.areas_of_focus:
        return [heading, Para("Inspectors have not yet said what they will focus on.")]
    return [heading, Bullets(tuple(data.areas_of_focus))]


def _views(data: BriefingData) -> list[Block]:
    blocks: list[Block] = [Heading("How families can give their views")]
    if data.surveys_for:
        blocks.append(Para(survey_sentences(data.survey, several=len(data.surveys_for) > 1)))
        for audience in data.surveys_for:
            words = SURVEY_AUDIENCES[audience]
            link = data.survey_link(audience)
            blocks.append(
                Link(f"Survey for {words}", link)
                if link
                else Para(f"The link to the survey for {words} will follow.")
            )
        if "children" in data.surveys_for:
            easy = data.children_easy_read_link
            blocks.append(
                Link("Easy-read survey for children and young people", easy)
                if easy
                else Para("The link to the easy-read survey will follow.")
            )
    meeting = data.forum_meeting
    if meeting is None:
        blocks.append(
            Para("The date of the parent carer forum's meeting with inspectors is not known yet.")
        )
        return blocks
    blocks.append(Para(meeting_sentence(meeting)))
    if meeting.online_link:
        blocks.append(Link("Join the meeting online", meeting.online_link))
    if meeting.phone_number:
        blocks.append(Para(phone_sentence(meeting)))
    return blocks


def _dates(data: BriefingData) -> list[Block]:
    if not data.key_dates:
        return [Heading("Key dates"), Para("The key dates are not known yet.")]
    rows = tuple((milestone_when(s), s.title, s.who or "Not known yet") for s in data.key_dates)
    return [Heading("Key dates"), Table("Key dates", ("When", "What happens", "Who"), rows)]


def _next(data: BriefingData) -> list[Block]:
    if not data.after_report:
        return []
    return [Heading("What happens next"), Bullets(tuple(data.after_report))]


def _timetable(data: BriefingData) -> list[Block]:
    heading = Heading("Draft on-site timetable")
    if not data.sessions:
        return [
            heading,
            Para("The timetable is not ready yet. Inspectors confirm it before they arrive."),
        ]
    note = Para("The timetable may change. Inspectors confirm it before they arrive.")
    return [heading, note, *timetable_blocks(data.sessions, level=2)]


def _contact(data: BriefingData) -> Para:
    if data.contact_email:
        return Para(f"For questions about this briefing, email {data.contact_email}.")
    return Para("The email address for questions will follow.")
