"""Demo content: an active current-framework inspection of the fictional area, with a timetable."""

import datetime as dt

from sendready.domain.dates.workdays import add_working_days, is_working_day
from sendready.inspections import actions
from sendready.inspections.briefing_actions import BriefingValues, update_briefing
from sendready.inspections.models import Inspection
from sendready.inspections.timetable_actions import SessionValues, save_session

TEAM = [
    ("Alex Example", "Lead HMI", "Ofsted"),
    ("Morgan Example", "HMI", "Ofsted"),
    ("Riley Example", "Children's Services Inspector", "CQC"),
]
SESSIONS = [
    (
        0,
        "am",
        "10:30",
        "11:30",
        "Inspectors arrive; introductions with the LANO",
        "",
        ["leaders", "inspectors"],
    ),
    (
        0,
        "pm",
        "12:00",
        "13:30",
        "Self-evaluation discussion with leaders",
        "How well we know ourselves",
        ["leaders", "health", "pcf"],
    ),
    (
        0,
        "pm",
        "14:00",
        "16:30",
        "Commissioning and strategy",
        "Workforce, preparing for adulthood, inclusion",
        ["leaders", "health", "social_care"],
    ),
    (1, "am", "09:30", "10:30", "Meeting with the parent carer forum", "Co-production", ["pcf"]),
    (1, "am", "11:00", "12:00", "Meeting with SENDIASS", "", ["sendiass"]),
    (
        1,
        "pm",
        "13:30",
        "15:00",
        "School leaders and SENCOs",
        "Identification and assessment",
        ["schools"],
    ),
    (
        2,
        "am",
        "09:30",
        "11:00",
        "Designated clinical officer and health services",
        "Neurodevelopmental pathway",
        ["health"],
    ),
    (
        2,
        "pm",
        "14:00",
        "15:00",
        "Young people's forum",
        "What it is like to grow up with SEND here",
        ["young_people"],
    ),
    (4, "pm", "14:00", "15:30", "Final feedback", "", ["leaders", "pcf"]),
]


def _monday_on_or_before(day: dt.date) -> dt.date:
    day -= dt.timedelta(days=day.weekday())
    while not is_working_day(day):
        day += dt.timedelta(days=7)
    return day


def load(area, people) -> None:
    """Record an inspection notified this week (once), with briefing details and a timetable."""
    if Inspection.objects.for_area(area).exists():
        return
    lano = people["lano"]
    notified = _monday_on_or_before(dt.date.today())
    inspection = actions.record_inspection(
        actor=lano, area=area, framework="2023-full", notified_on=notified
    )
    update_briefing(
        actor=lano,
        inspection=inspection,
        values=BriefingValues(
            purpose="Inspectors will look at how well education, health and care services in Demoshire "
            "work together for children and young people with SEND aged 0 to 25.",
            areas_of_focus="Identifying needs early\nTimeliness of EHC plans\nPreparing for adulthood",
            survey_link="https://survey.example.org/demoshire-parents",
            pcf_meeting_date=add_working_days(notified, 7),
            pcf_meeting_start=dt.time(11),
            pcf_meeting_end=dt.time(12),
            pcf_meeting_link="https://meet.example.org/demoshire-pcf",
            pcf_meeting_phone="+44 20 7946 0000",
            pcf_meeting_conference_id="123 456 789",
            contact_email="send.inspection@demoshire.example",
            team=TEAM,
        ),
    )
    onsite = inspection.milestones.get(key="onsite").date
    for offset, half, start, end, title, focus, groups in SESSIONS:
        save_session(
            actor=lano,
            inspection=inspection,
            values=SessionValues(
                date=add_working_days(onsite, offset),
                part_of_day=half,
                start_time=dt.time.fromisoformat(start),
                end_time=dt.time.fromisoformat(end),
                title=title,
                focus=focus,
                attendee_groups=groups,
                place="Demoshire Council House" if half == "am" else "",
                online_link="" if half == "am" else "https://meet.example.org/demoshire",
            ),
        )
