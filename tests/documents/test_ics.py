"""Calendar files open in calendar software: events, London time zone, stable UIDs."""

import datetime as dt

from icalendar import Calendar

from sendready.documents.ics import timeline_to_ics

STAMP = dt.datetime(2022, 1, 17, 9, tzinfo=dt.UTC)


def events(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def test_every_milestone_and_session_becomes_an_event(briefing, sessions):
    data = timeline_to_ics("Exampleshire re-visit", briefing.milestones, sessions, stamp=STAMP)
    assert len(events(data)) == len(briefing.milestones) + len(sessions)


def test_the_calendar_carries_a_london_vtimezone(briefing):
    calendar = Calendar.from_ical(timeline_to_ics("x", briefing.milestones, stamp=STAMP))
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/London"]


def test_a_timed_milestone_uses_tzid_europe_london(briefing):
    data = timeline_to_ics("x", briefing.milestones, stamp=STAMP)
    assert b"DTSTART;TZID=Europe/London:20220124T120000" in data
    survey = next(e for e in events(data) if str(e["SUMMARY"]) == "Parent and carer survey open")
    start = survey.decoded("DTSTART")
    assert start == dt.datetime(2022, 1, 24, 12, tzinfo=start.tzinfo)
    assert survey.decoded("DTEND").date() == dt.date(2022, 1, 28)


def test_an_untimed_milestone_is_an_all_day_event(briefing):
    letter = next(
        e
        for e in events(timeline_to_ics("x", briefing.milestones, stamp=STAMP))
        if str(e["SUMMARY"]) == "Re-visit letter due"
    )
    assert letter.decoded("DTSTART") == dt.date(2022, 3, 22)
    assert letter.decoded("DTEND") == dt.date(2022, 3, 23)


def test_an_onsite_window_spans_all_four_days(briefing):
    onsite = next(
        e
        for e in events(timeline_to_ics("x", briefing.milestones, stamp=STAMP))
        if str(e["SUMMARY"]) == "Inspectors on site"
    )
    assert onsite.decoded("DTSTART") == dt.date(2022, 1, 31)
    assert onsite.decoded("DTEND") == dt.date(2022, 2, 4)


def test_sessions_are_timed_with_place_and_link(briefing, sessions):
    data = timeline_to_ics("x", [], sessions, stamp=STAMP)
    forum = next(e for e in events(data) if "parent carer forum" in str(e["SUMMARY"]))
    assert forum.decoded("DTSTART").hour == 14
    assert str(forum["LOCATION"]) == "https://teams.example.org/forum"
    assert "Co-production" in str(forum["DESCRIPTION"])


def test_uids_are_stable_when_dates_move(briefing):
    first = {
        str(e["SUMMARY"]): str(e["UID"])
        for e in events(timeline_to_ics("Exampleshire", briefing.milestones, stamp=STAMP))
    }
    again = {
        str(e["SUMMARY"]): str(e["UID"])
        for e in events(
            timeline_to_ics("Exampleshire", briefing.milestones, uid_domain="sendready.local")
        )
    }
    assert first == again
    assert len(set(first.values())) == len(first)
    assert all(uid.endswith("@sendready.local") for uid in first.values())
