"""Every download opens in the tools councils use, and says what the record says."""

import datetime as dt
import io

import docx
import icalendar

from sendready.areas.constants import Role
from sendready.audit.models import AuditEvent
from sendready.inspections import actions, briefing_actions, timetable_actions


def _text(document: docx.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _revisit(two_areas):
    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    revisit = actions.record_inspection(
        actor=lano,
        area=people.area,
        framework="2016-revisit",
        notified_on=dt.date(2022, 1, 17),
        overrides={"onsite_end": dt.date(2022, 2, 3)},
    )
    briefing_actions.update_briefing(
        actor=lano,
        inspection=revisit,
        values=briefing_actions.BriefingValues(
            purpose="To check progress on the written statement of action.",
            areas_of_focus="Co-production",
            survey_link="https://survey.example.org/p",
            contact_email="send@ashvale.example",
            pcf_meeting_date=dt.date(2022, 2, 1),
            pcf_meeting_start=dt.time(11),
            pcf_meeting_end=dt.time(12),
            pcf_meeting_link="https://meet.example.org/x",
            pcf_meeting_phone="+44 20 3443 6311",
            pcf_meeting_conference_id="917 500 335",
            team=[("Wayne Example", "Lead HMI", "Ofsted")],
        ),
    )
    timetable_actions.save_session(
        actor=lano,
        inspection=revisit,
        values=timetable_actions.SessionValues(
            date=dt.date(2022, 1, 31),
            part_of_day="am",
            start_time=dt.time(9, 30),
            end_time=dt.time(10, 30),
            title="Meeting with senior leaders",
            focus="The WSOA",
            attendee_groups=["leaders"],
            place="Council House",
            online_link="",
        ),
    )
    return people, revisit


def test_the_calendar_has_an_event_per_milestone_and_session_in_london_time(client, two_areas):
    people, revisit = _revisit(two_areas)
    client.force_login(people.by_role[Role.PCF_REP])
    response = client.get(f"/areas/{people.area.code}/inspections/{revisit.pk}/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == revisit.milestones.count() + 1
    survey = next(e for e in events if "survey open" in str(e["SUMMARY"]).lower())
    start = survey.decoded("DTSTART")
    assert (start.date(), start.hour, str(start.tzinfo)) == (
        dt.date(2022, 1, 24),
        12,
        "Europe/London",
    )
    assert AuditEvent.objects.filter(action="exported", area=people.area).exists()


def test_the_stakeholder_briefing_names_the_team_dates_and_survey_window(client, two_areas):
    people, revisit = _revisit(two_areas)
    client.force_login(people.by_role[Role.VIEWER])
    response = client.get(
        f"/areas/{people.area.code}/inspections/{revisit.pk}/stakeholder-briefing.docx"
    )
    text = _text(docx.Document(io.BytesIO(response.content)))
    assert "Wayne Example" in text and "Monday 31 January 2022" in text
    assert "12:00 on Monday 24 January 2022" in text and "12:00 on Friday 28 January 2022" in text


def test_the_key_message_tells_families_how_to_give_their_views(client, two_areas):
    people, revisit = _revisit(two_areas)
    client.force_login(people.by_role[Role.PCF_REP])
    response = client.get(f"/areas/{people.area.code}/inspections/{revisit.pk}/key-message.docx")
    text = _text(docx.Document(io.BytesIO(response.content)))
    assert (
        "Tuesday 1 February 2022" in text and "+44 20 3443 6311" in text and "917 500 335" in text
    )


def test_the_timetable_document_lists_sessions_by_day(client, two_areas):
    people, revisit = _revisit(two_areas)
    client.force_login(people.by_role[Role.LANO])
    response = client.get(f"/areas/{people.area.code}/inspections/{revisit.pk}/timetable.docx")
    text = _text(docx.Document(io.BytesIO(response.content)))
    assert "Meeting with senior leaders" in text and "Council House" in text


def test_the_easy_read_key_message_downloads_as_a_tagged_pdf_audited(client, two_areas):
    import pypdf

    people, revisit = _revisit(two_areas)
    client.force_login(people.by_role[Role.PCF_REP])
    url = f"/areas/{people.area.code}/inspections/{revisit.pk}/key-message-easy-read.pdf"
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('-key-message-easy-read.pdf"')
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Inspectors are coming" in text and "send@ashvale.example" in text
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert AuditEvent.objects.filter(
        object_type="inspection", object_id=str(revisit.pk), detail__endswith="easy-read.pdf"
    ).exists()
