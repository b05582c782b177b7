"""Inspection pages through the web, as the people who use them."""

import datetime as dt

from sendready.areas.constants import Role
from sendready.inspections.models import Inspection, TimetableSession


def _date(prefix: str, day: dt.date) -> dict:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def test_a_lano_records_a_notification_through_the_form(client, two_areas):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    url = f"/areas/{people.area.code}/inspections/new/"
    response = client.post(
        url, {"framework": "2023-full", **_date("notified_on", dt.date(2025, 9, 8))}
    )
    inspection = Inspection.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/inspections/{inspection.pk}/")
    page = client.get(response.url).content.decode()
    assert "Monday 22 September 2025" in page and "Friday 26 September 2025" in page


def test_a_weekend_notification_is_explained_on_the_form(client, two_areas):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = client.post(
        f"/areas/{people.area.code}/inspections/new/",
        {"framework": "2023-full", **_date("notified_on", dt.date(2025, 9, 6))},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page and "There is a problem" in page
    assert "Saturday" in page and 'href="#id_notified_on_day"' in page
    assert not Inspection.objects.exists()


def test_an_impossible_date_gets_a_plain_message(client, two_areas):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = client.post(
        f"/areas/{people.area.code}/inspections/new/",
        {
            "framework": "2023-full",
            "notified_on_day": "31",
            "notified_on_month": "2",
            "notified_on_year": "2025",
        },
    )
    assert "must be a real date" in response.content.decode()


def test_a_second_active_inspection_is_refused_on_the_form(client, two_areas, inspection):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = client.post(
        f"/areas/{people.area.code}/inspections/new/",
        {"framework": "2023-full", **_date("notified_on", dt.date(2025, 10, 6))},
    )
    assert "already has an active inspection" in response.content.decode()
    assert Inspection.objects.count() == 1


def test_a_system_lead_assigns_a_task(client, two_areas, inspection):
    people, _ = two_areas
    lead = people.by_role[Role.SYSTEM_LEAD]
    client.force_login(lead)
    task = inspection.tasks.get(milestone__key="annex_a")
    response = client.post(
        f"/areas/{people.area.code}/inspections/{inspection.pk}/tasks/{task.pk}/",
        {
            "owner": lead.pk,
            "status": "in_progress",
            **_date("due_date", dt.date(2025, 9, 12)),
            "due_time": "16:00",
            "notes": "Collecting from health",
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.owner, task.status, task.notes) == (lead, "in_progress", "Collecting from health")


def test_timetable_sessions_are_added_and_shown_by_day(client, two_areas, inspection):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    base = f"/areas/{people.area.code}/inspections/{inspection.pk}/timetable/"
    response = client.post(
        base + "new/",
        {
            **_date("date", dt.date(2025, 9, 22)),
            "part_of_day": "pm",
            "start_time": "13:30",
            "end_time": "14:30",
            "title": "Meeting with the parent carer forum",
            "focus": "Co-production",
            "attendee_groups": ["pcf", "leaders"],
            "online_link": "https://meet.example.org/pcf",
        },
    )
    assert response.status_code == 302
    assert TimetableSession.objects.get().attendee_groups == ["pcf", "leaders"]
    page = client.get(base).content.decode()
    assert "Monday 22 September 2025" in page and "Parent carer forum, Leaders" in page
    assert "Meeting with the parent carer forum" in client.get(base + "?print=1").content.decode()


def test_a_session_that_ends_before_it_starts_is_refused(client, two_areas, inspection):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = client.post(
        f"/areas/{people.area.code}/inspections/{inspection.pk}/timetable/new/",
        {
            **_date("date", dt.date(2025, 9, 22)),
            "part_of_day": "am",
            "start_time": "10:00",
            "end_time": "09:00",
            "title": "Leaders",
        },
    )
    assert "must end after it starts" in response.content.decode()
    assert not TimetableSession.objects.exists()


def test_briefing_details_are_saved_with_the_team(client, two_areas, inspection):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = client.post(
        f"/areas/{people.area.code}/inspections/{inspection.pk}/briefing/",
        {
            "purpose": "To see how well services work together.",
            "areas_of_focus": "Identification\nTransitions",
            "team": "Jane Smith, Lead HMI, Ofsted\nAmir Khan, Children's Services Inspector, CQC",
            "survey_link": "https://survey.example.org/parents",
            "contact_email": "send@ashvale.example",
            **_date("pcf_meeting_date", dt.date(2025, 9, 23)),
            "pcf_meeting_start": "11:00",
            "pcf_meeting_end": "12:00",
            "pcf_meeting_link": "https://meet.example.org/families",
            "pcf_meeting_phone": "+44 20 3443 0000",
            "pcf_meeting_conference_id": "917 500 335",
        },
    )
    assert response.status_code == 302
    assert [t.name for t in inspection.team.all()] == ["Jane Smith", "Amir Khan"]
    page = client.get(
        f"/areas/{people.area.code}/inspections/{inspection.pk}/key-message/"
    ).content.decode()
    assert "Tuesday 23 September 2025" in page and "917 500 335" in page


def test_a_team_line_without_a_role_is_explained(client, two_areas, inspection):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = client.post(
        f"/areas/{people.area.code}/inspections/{inspection.pk}/briefing/", {"team": "Jane Smith"}
    )
    assert "Line 1 of the inspection team needs a name and a role" in response.content.decode()


def test_countdowns_are_served_as_json(client, two_areas, inspection):
    people, _ = two_areas
    client.force_login(people.by_role[Role.VIEWER])
    data = client.get(
        f"/areas/{people.area.code}/inspections/{inspection.pk}/countdowns.json"
    ).json()
    assert data["countdowns"]["onsite"] == "passed"


def test_the_settings_page_explains_a_bad_number(client, two_areas, inspection):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    url = f"/areas/{people.area.code}/inspections/{inspection.pk}/settings/"
    page = client.get(url).content.decode()
    assert "report" in page.lower() and "Default 43" in page
    response = client.post(url, {"report_lag_wd": "soon"})
    assert "Enter a whole number" in response.content.decode()


def test_the_area_overview_shows_the_inspection_under_way(client, two_areas, inspection):
    people, _ = two_areas
    client.force_login(people.by_role[Role.PCF_REP])
    page = client.get(f"/areas/{people.area.code}/").content.decode()
    assert "Inspection under way" in page and "Monday 8 September 2025" in page
