"""A briefing built from the 2022 re-visit dates in the seed documents (names and links made up)."""

import datetime as dt

import pytest

from sendready.documents.briefing_data import (
    BriefingData,
    BriefingTeamMember,
    ForumMeeting,
    SurveyWindow,
    TimetableEntry,
)
from sendready.domain.dates.workdays import LONDON
from sendready.domain.inspection.frameworks import load_framework
from sendready.domain.inspection.reader_steps import after_report, reader_steps
from sendready.domain.inspection.timeline import build_timeline

D = dt.date


@pytest.fixture
def sessions() -> list[TimetableEntry]:
    return [
        TimetableEntry(
            D(2022, 1, 31),
            dt.time(9, 30),
            "Meeting with leaders responsible for the WSOA",
            end=dt.time(10, 30),
            focus="Progress since the WSOA",
            attendees="DCS, ICB lead, LANO",
            place="Council House, Room 2",
            key="leaders",
        ),
        TimetableEntry(
            D(2022, 1, 31),
            dt.time(14, 0),
            "Meeting with the parent carer forum",
            end=dt.time(15, 0),
            focus="Co-production",
            attendees="Forum steering group",
            online_link="https://teams.example.org/forum",
            key="pcf",
        ),
        TimetableEntry(
            D(2022, 2, 1),
            dt.time(11, 0),
            "Review of EHC plans",
            focus="Plan quality",
            attendees="SEND casework leads",
            place="Online",
        ),
    ]


@pytest.fixture
def briefing(sessions) -> BriefingData:
    timeline = build_timeline(
        "2016-revisit", D(2022, 1, 17), overrides={"onsite_end": D(2022, 2, 3)}
    )
    framework = load_framework("2016-revisit")
    steps = reader_steps(framework, timeline.milestones, None)
    return BriefingData(
        area_name="Exampleshire",
        framework_title=timeline.framework_title,
        notified=D(2022, 1, 17),
        onsite_start=D(2022, 1, 31),
        onsite_end=D(2022, 2, 3),
        purpose="Inspectors will check progress on each area of significant weakness in our WSOA.",
        team=[
            BriefingTeamMember("A. Inspector", "Lead HMI", "Ofsted"),
            BriefingTeamMember("B. Inspector", "Children's services inspector", "CQC"),
        ],
        areas_of_focus=[
            "How leaders understand the effect of the pandemic",
            "How families help shape decisions",
        ],
        survey=SurveyWindow(
            dt.datetime(2022, 1, 24, 12, tzinfo=LONDON),
            dt.datetime(2022, 1, 28, 12, tzinfo=LONDON),
        ),
        surveys_for=("parents",),
        parents_survey_link="https://survey.example.org/parents",
        forum_meeting=ForumMeeting(
            D(2022, 2, 1),
            dt.time(11),
            dt.time(12),
            online_link="https://teams.example.org/join",
            phone_number="+44 20 0000 0000",
            conference_id="123 456 789#",
            host="Exampleshire Parent Carer Forum",
        ),
        contact_email="send.improvement@example.gov.uk",
        milestones=timeline.milestones,
        sessions=sessions,
        key_dates=steps,
        after_report=after_report(framework, steps, None),
        report_name=framework.public.report,
        report_expected=timeline.milestone("letter").date,
    )
