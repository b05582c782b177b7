"""Plain values the document builders take, and the shared wording for dates, times and windows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sendready.domain.dates.workdays import clock, long_date, to_london
from sendready.domain.inspection.reader_steps import ReaderStep


class MilestoneLike(Protocol):
    """What the builders read from a milestone (sendready.domain.inspection.timeline.TimelineMilestone and the stored inspections Milestone fit)."""

    # Read-only members, so frozen dataclasses fit the protocol too.
    @property
    def key(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def end_date(self) -> dt.date | None: ...
    @property
    def time(self) -> dt.time | None: ...


@dataclass(frozen=True)
class BriefingTeamMember:
    """One inspector or quality-assurance member of the inspection team, as the briefing lists them
    (the stored record is sendready.inspections.models.TeamMember)."""

    name: str
    role: str
    organisation: str = ""


@dataclass(frozen=True)
class SurveyWindow:
    """When the online surveys open and close (London time); each audience's link is on BriefingData."""

    opens: dt.datetime
    closes: dt.datetime
    timed: bool = True  # False when only the days are known: say no time rather than guess one


# The audiences inspectors survey, as BriefingData.surveys_for names them, in the order documents list them.
SURVEY_AUDIENCES = {
    "parents": "parents and carers",
    "children": "children and young people",
    "practitioners": "practitioners",
}


@dataclass(frozen=True)
class ForumMeeting:
    """An online meeting where families can talk to inspectors or the parent carer forum."""

    date: dt.date
    start: dt.time
    end: dt.time | None = None
    online_link: str = ""
    phone_number: str = ""
    conference_id: str = ""
    host: str = "the parent carer forum"


@dataclass(frozen=True)
class TimetableEntry:
    """One meeting or activity as the timetable and calendar downloads print it (the stored record is
    sendready.inspections.models.TimetableSession)."""

    day: dt.date
    start: dt.time
    title: str
    end: dt.time | None = None
    focus: str = ""
    attendees: str = ""
    place: str = ""
    online_link: str = ""
    key: str = ""

    @property
    def half(self) -> str:
        """ "AM" for sessions starting before noon, otherwise "PM"."""
        return "AM" if self.start < dt.time(12, 0) else "PM"

    @property
    def where(self) -> str:
        """The place, the online link, or both."""
        return " – ".join(part for part in (self.place, self.online_link) if part)


@dataclass(frozen=True)
class BriefingData:
    """Everything a stakeholder briefing or a message to families needs about one inspection."""

    area_name: str
    framework_title: str
    notified: dt.date
    onsite_start: dt.date
    onsite_end: dt.date | None = None
    purpose: str = ""
    team: Sequence[BriefingTeamMember] = ()
    areas_of_focus: Sequence[str] = ()
    survey: SurveyWindow | None = None
    forum_meeting: ForumMeeting | None = None
    contact_email: str = ""
    milestones: Sequence[MilestoneLike] = ()  # every step, for the calendar: app-facing wording
    sessions: Sequence[TimetableEntry] = ()
    # What documents for readers say about the steps: public wording only (domain.inspection.reader_steps).
    key_dates: Sequence[ReaderStep] = ()
    after_report: Sequence[str] = ()
    report_name: str = "report"  # "letter" under the 2016 framework
    report_expected: dt.date | None = None
    # One link per audience; empty until the partnership has it ("the link will follow").
    surveys_for: tuple[str, ...] = ("parents", "children", "practitioners")
    parents_survey_link: str = ""
    children_survey_link: str = ""
    children_easy_read_link: str = ""
    practitioners_survey_link: str = ""

    def survey_link(self, audience: str) -> str:
        """The link for one audience of SURVEY_AUDIENCES, or "" when it has not come yet."""
        return str(getattr(self, f"{audience}_survey_link"))


def at_time(moment: dt.datetime) -> str:
    """ "12:00 on Monday 24 January 2022" in London time."""
    local = to_london(moment)
    return f"{clock(local.time())} on {long_date(local.date())}"


def survey_sentences(survey: SurveyWindow | None, several: bool = True) -> str:
    """When the surveys (or the one survey) open and close, in two short sentences, or that the dates
    are not known yet."""
    noun, opens_verb, pronoun, closes_verb = (
        ("The surveys", "open", "They", "close")
        if several
        else ("The survey", "opens", "It", "closes")
    )
    if survey is None:
        have = "have" if several else "has"
        return f"{noun} {have} no dates yet. We will share them when inspectors tell us."
    if not survey.timed:
        opens = f"on {long_date(to_london(survey.opens).date())}"
        closes = f"on {long_date(to_london(survey.closes).date())}"
    else:
        opens, closes = f"at {at_time(survey.opens)}", f"at {at_time(survey.closes)}"
    return f"{noun} {opens_verb} {opens}. {pronoun} {closes_verb} {closes}."


def onsite_phrase(start: dt.date, end: dt.date | None) -> str:
    """ "from Monday 31 January 2022 to Thursday 3 February 2022" (or "on ..." for one day)."""
    if end is None or end == start:
        return f"on {long_date(start)}"
    return f"from {long_date(start)} to {long_date(end)}"


def milestone_when(milestone: MilestoneLike | ReaderStep) -> str:
    """A milestone's date, time and end in words."""
    when = long_date(milestone.date)
    if milestone.time:
        when = f"{when}, {clock(milestone.time)}"
    if milestone.end_date and milestone.end_date != milestone.date:
        end_time = getattr(milestone, "end_time", None)
        end = long_date(milestone.end_date) + (f", {clock(end_time)}" if end_time else "")
        when = f"{when} to {end}"
    return when


def meeting_sentence(meeting: ForumMeeting) -> str:
    """When the families' meeting takes place."""
    hours = (
        f"from {clock(meeting.start)} to {clock(meeting.end)}"
        if meeting.end
        else f"at {clock(meeting.start)}"
    )
    host = meeting.host[:1].upper() + meeting.host[1:]
    return f"{host} is holding an online meeting on {long_date(meeting.date)}, {hours}."


def phone_sentence(meeting: ForumMeeting) -> str:
    """How to join the meeting by phone, or "" when there is no number."""
    if not meeting.phone_number:
        return ""
    then = (
        f" Then enter the conference ID {meeting.conference_id}." if meeting.conference_id else ""
    )
    return f"You can also join by phone (sound only). Call {meeting.phone_number}.{then}"
