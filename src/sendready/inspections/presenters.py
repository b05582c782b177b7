"""Turning inspection records into what pages and documents show."""

import datetime as dt
from collections import OrderedDict
from zoneinfo import ZoneInfo

from sendready.areas.registry import survey_links
from sendready.documents.briefing_data import (
    BriefingData,
    BriefingTeamMember,
    ForumMeeting,
    SurveyWindow,
    TimetableEntry,
)
from sendready.domain.inspection.frameworks import Source, load_framework
from sendready.domain.inspection.reader_steps import after_report, reader_steps
from sendready.domain.inspection.timeline import TimelineMilestone, countdown
from sendready.inspections.constants import AttendeeGroup
from sendready.inspections.models import Inspection, Milestone, TimetableSession

LONDON = ZoneInfo("Europe/London")
GROUP_LABELS = dict(AttendeeGroup.choices)
SURVEY_KEYS = ("parent_survey", "surveys")

# The audience titles the survey-links hook uses (areas/registry.survey_links).
PARENTS, CHILDREN, PRACTITIONERS = (
    "Parents and carers",
    "Children and young people",
    "Practitioners",
)


def as_domain(m: Milestone) -> TimelineMilestone:
    """The stored milestone as the domain's value, for countdowns and documents."""
    return TimelineMilestone(
        key=m.key,
        title=m.title,
        description=m.description,
        date=m.date,
        end_date=m.end_date,
        time=m.time,
        actor=m.actor,
        source=m.source,
        status=m.source_status,
        end_time=m.end_time,
        phase=m.phase,
        condition=m.condition or None,
    )


def countdowns(inspection: Inspection, now: dt.datetime) -> dict[str, str]:
    """A live countdown for every milestone, keyed by milestone key."""
    return {m.key: countdown(as_domain(m), now) for m in inspection.milestones.all()}


def sessions_by_day(sessions) -> "OrderedDict[dt.date, list[TimetableSession]]":
    """Sessions grouped by date, in time order."""
    days: OrderedDict[dt.date, list[TimetableSession]] = OrderedDict()
    for session in sessions:
        days.setdefault(session.date, []).append(session)
    return days


def timetable_days(
    days: "OrderedDict[dt.date, list[TimetableSession]]", extra: list
) -> list[tuple[dt.date, list[TimetableSession], list]]:
    """Every day with its own sessions and the meetings other capabilities added, in time order."""
    by_day: dict[dt.date, list] = {}
    for meeting in sorted(extra, key=lambda m: (m.date, m.start)):
        by_day.setdefault(meeting.date, []).append(meeting)
    return [
        (day, days.get(day, []), by_day.get(day, [])) for day in sorted(set(days) | set(by_day))
    ]


def group_labels(session: TimetableSession) -> str:
    """Who attends, in words."""
    return ", ".join(GROUP_LABELS.get(g, g) for g in session.attendee_groups)


def actual_notes(inspection: Inspection) -> dict[str, str]:
    """For each step with a real date entered: "Actual, entered by Jane Smith", keyed by step key."""
    notes: dict[str, str] = {}
    for actual in inspection.actual_dates.select_related("entered_by"):
        key = actual.name.removesuffix("_start").removesuffix("_end")
        person = actual.entered_by
        who = (person.get_full_name() or person.get_username()) if person else "someone in the area"
        notes[key] = f"Actual, entered by {who}"
    for key in ("onsite",):  # records from before real dates were kept with who entered them
        if key not in notes and (inspection.onsite_start or inspection.onsite_end):
            notes[key] = "Actual"
    return notes


def sources_by_key(inspection: Inspection, milestones: list[Milestone]) -> dict[str, list[Source]]:
    """Each milestone's sources as readable titles and links, never internal keys."""
    try:
        framework = load_framework(inspection.framework)
    except LookupError:
        return {}
    return {m.key: framework.sources_of(m.source) for m in milestones}


def outcome_summary(inspection: Inspection) -> str:
    """The recorded outcome in words, with its numbers, or "Not recorded yet"."""
    if not inspection.outcome_key:
        return "Not recorded yet"
    try:
        option = load_framework(inspection.framework).outcome(inspection.outcome_key)
    except LookupError:
        return inspection.outcome_key
    # In the framework's order: PostgreSQL's jsonb does not keep the order keys were saved in.
    numbers = [
        f"{inspection.outcome_counts[c.name]} {c.label.lower()}"
        for c in option.counts
        if c.name in inspection.outcome_counts
    ]
    return option.title + (f" ({', '.join(numbers)})" if numbers else "")


def framework_title(inspection: Inspection) -> str:
    try:
        return load_framework(inspection.framework).title
    except LookupError:
        return inspection.framework


def as_session(s: TimetableSession) -> TimetableEntry:
    return TimetableEntry(
        day=s.date,
        start=s.start_time,
        end=s.end_time,
        title=s.title,
        focus=s.focus,
        attendees=group_labels(s),
        place=s.place,
        online_link=s.online_link,
        key=f"session-{s.pk}",
    )


def _survey(milestones: list[Milestone]) -> SurveyWindow | None:
    step = next((m for m in milestones if m.key in SURVEY_KEYS), None)
    if step is None or step.end_date is None:
        return None
    timed = step.time is not None and step.end_time is not None
    opens = dt.datetime.combine(step.date, step.time or dt.time(0, 0), tzinfo=LONDON)
    closes = dt.datetime.combine(step.end_date, step.end_time or dt.time(0, 0), tzinfo=LONDON)
    return SurveyWindow(opens=opens, closes=closes, timed=timed)


def _surveys_for(milestones: list[Milestone]) -> tuple[str, ...]:
    """Which audiences inspectors survey: the 2016 re-visit surveys parents and carers only."""
    keys = {m.key for m in milestones}
    if "surveys" in keys:
        return ("parents", "children", "practitioners")
    return ("parents",) if "parent_survey" in keys else ()


def _forum(inspection: Inspection) -> ForumMeeting | None:
    if not (inspection.pcf_meeting_date and inspection.pcf_meeting_start):
        return None
    return ForumMeeting(
        date=inspection.pcf_meeting_date,
        start=inspection.pcf_meeting_start,
        end=inspection.pcf_meeting_end,
        online_link=inspection.pcf_meeting_link,
        phone_number=inspection.pcf_meeting_phone,
        conference_id=inspection.pcf_meeting_conference_id,
    )


def _reader_wording(inspection: Inspection, milestones: list[Milestone]) -> dict:
    """The steps in public wording and what happens after, for documents partners and families read."""
    try:
        framework = load_framework(inspection.framework)
    except LookupError:
        return {}
    outcome = inspection.outcome_key or None
    steps = reader_steps(framework, milestones, outcome)
    report = next((m for m in milestones if m.key == framework.report_step), None)
    return {
        "key_dates": steps,
        "after_report": after_report(framework, steps, outcome),
        "report_name": framework.public.report,
        "report_expected": report.date if report else None,
    }


def briefing_data(inspection: Inspection) -> BriefingData:
    """Everything the briefing, the key message and the calendar say about the inspection.

    Survey links: the inspectors' survey (recorded on the inspection) is the one for parents and
    carers; the area's own surveys, offered through the registry by the surveys capability, fill each
    audience's link the inspection does not have. An audience without one reads "the link will follow"."""
    links = survey_links(inspection.area, inspection.pk)
    milestones = list(inspection.milestones.all())
    onsite = next((m for m in milestones if m.key == "onsite"), None)
    return BriefingData(
        area_name=inspection.area.name,
        framework_title=framework_title(inspection),
        notified=inspection.notified_on,
        onsite_start=onsite.date if onsite else inspection.notified_on,
        onsite_end=onsite.end_date if onsite else None,
        purpose=inspection.purpose,
        team=[BriefingTeamMember(t.name, t.role, t.organisation) for t in inspection.team.all()],
        areas_of_focus=inspection.focus_list(),
        survey=_survey(milestones),
        surveys_for=_surveys_for(milestones),
        parents_survey_link=inspection.survey_link or links.get(PARENTS, ""),
        children_survey_link=links.get(CHILDREN, ""),
        practitioners_survey_link=links.get(PRACTITIONERS, ""),
        forum_meeting=_forum(inspection),
        contact_email=inspection.contact_email,
        milestones=[as_domain(m) for m in milestones],
        sessions=[as_session(s) for s in inspection.sessions.all()],
        **_reader_wording(inspection, milestones),
    )
