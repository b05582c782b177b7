"""Real dates for any step and recorded outcomes, through the timeline pages."""

import datetime as dt

from sendready.areas.constants import Role
from sendready.audit.models import AuditEvent
from sendready.inspections import actions
from sendready.inspections.constants import InspectionStatus
from sendready.inspections.models import ActualDate, Inspection, Task
from sendready.inspections.outcome_actions import record_outcome

D = dt.date


def _date(prefix: str, day: dt.date) -> dict:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def _base(people, inspection) -> str:
    return f"/areas/{people.area.code}/inspections/{inspection.pk}/"


def test_a_real_report_date_moves_every_follow_up_and_says_who_entered_it(
    client, two_areas, inspection
):
    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    lano.first_name, lano.last_name = "Jane", "Smith"
    lano.save()
    client.force_login(lano)
    response = client.post(
        _base(people, inspection) + "steps/report_published/",
        _date("report_published", D(2025, 12, 3)),
    )
    assert response.status_code == 302
    assert inspection.milestones.get(key="report_published").date == D(2025, 12, 3)
    assert inspection.milestones.get(key="next_full_5_years").date == D(2030, 12, 3)
    assert inspection.tasks.get(milestone__key="pap_due").due_at.date() == D(2026, 1, 19)
    page = client.get(_base(people, inspection)).content.decode()
    assert "Actual, entered by Jane Smith" in page
    assert AuditEvent.objects.filter(detail__contains="report_published = 2025-12-03").exists()


def test_a_real_date_before_the_step_it_follows_is_refused_and_nothing_is_saved(
    client, two_areas, inspection
):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    before = inspection.milestones.get(key="report_published").date
    response = client.post(
        _base(people, inspection) + "steps/report_published/",
        _date("report_published", D(2025, 9, 19)),
    )
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "before the step it follows (onsite)" in page
    response = client.post(
        _base(people, inspection) + "steps/annex_a/", _date("annex_a", D(2025, 9, 1))
    )
    assert "before the notification" in response.content.decode()
    assert not ActualDate.objects.exists()
    assert inspection.milestones.get(key="report_published").date == before


def test_a_recorded_positive_outcome_leaves_only_its_follow_ups_on_the_timeline_and_task_list(
    client, two_areas, inspection
):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = client.post(
        _base(people, inspection) + "outcome/",
        {
            "key": "positive",
            **_date("report_date", D(2025, 12, 3)),
            "priority_action_areas": "0",
            "improvement_areas": "3",
        },
    )
    assert response.status_code == 302
    keys = set(inspection.milestones.values_list("key", flat=True))
    assert {"next_full_5_years", "strategic_plan", "engagement_meeting"} <= keys
    assert not keys & {"pap_due", "monitoring_inspection", "next_full_3_years"}
    assert not Task.objects.filter(title__startswith="Priority action plan").exists()
    assert inspection.milestones.get(key="next_full_5_years").date == D(2030, 12, 3)
    page = client.get(_base(people, inspection)).content.decode()
    assert (
        "Positive experiences and outcomes (0 areas for priority action, 3 areas for improvement)"
        in page
    )


def test_an_outcome_the_framework_does_not_have_is_refused_and_nothing_is_saved(
    client, two_areas, inspection
):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = client.post(
        _base(people, inspection) + "outcome/",
        {"key": "wsoa", **_date("report_date", D(2025, 12, 3))},
    )
    assert "Select an outcome from the list" in response.content.decode()
    response = client.post(
        _base(people, inspection) + "outcome/",
        {"key": "systemic", **_date("report_date", D(2025, 12, 3)), "priority_action_areas": "0"},
    )
    assert "needs at least 1 areas for priority action" in response.content.decode()
    inspection.refresh_from_db()
    assert inspection.outcome_key == "" and not ActualDate.objects.exists()
    assert inspection.milestones.filter(key="pap_due").exists()


def test_a_revisit_judgement_for_a_weakness_the_inspection_did_not_record_is_refused(
    client, two_areas
):
    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    first = actions.record_inspection(
        actor=lano, area=people.area, framework="2016-inspection", notified_on=D(2019, 5, 13)
    )
    record_outcome(
        actor=lano,
        inspection=first,
        key="wsoa",
        report_date=D(2019, 7, 25),
        counts={"weaknesses": 14},
    )
    actions.conclude_inspection(actor=lano, inspection=first)
    revisit = actions.record_inspection(
        actor=lano, area=people.area, framework="2016-revisit", notified_on=D(2022, 1, 17)
    )
    client.force_login(lano)
    lines = "\n".join(f"{n} {'sufficient' if n <= 8 else 'insufficient'}" for n in range(1, 16))
    response = client.post(
        _base(people, revisit) + "outcome/",
        {"key": "insufficient", **_date("report_date", D(2022, 3, 22)), "judgements": lines},
    )
    assert (
        "Area of weakness 15 was not recorded: only 14 were recorded" in response.content.decode()
    )
    revisit.refresh_from_db()
    assert revisit.outcome_key == ""
    lines = "\n".join(lines.splitlines()[:14])
    response = client.post(
        _base(people, revisit) + "outcome/",
        {"key": "insufficient", **_date("report_date", D(2022, 3, 22)), "judgements": lines},
    )
    assert response.status_code == 302
    revisit.refresh_from_db()
    assert revisit.outcome_counts == {"sufficient_areas": 8, "insufficient_areas": 6}
    keys = set(revisit.milestones.values_list("key", flat=True))
    assert {"app_due", "app_review"} <= keys and "monitoring_stops" not in keys
    assert Inspection.objects.get(pk=first.pk).status == InspectionStatus.CONCLUDED


def test_the_source_column_shows_readable_titles_and_links_not_internal_keys(
    client, two_areas, inspection
):
    people, _ = two_areas
    client.force_login(people.by_role[Role.VIEWER])
    page = client.get(_base(people, inspection)).content.decode()
    table = page[page.index('id="timeline"') :]
    assert "West Midlands regional slides" in table
    assert 'href="https://www.lancashire.gov.uk/' in table
    assert "seed-003" not in table and ">S5" not in table and "S5," not in table


def test_an_onsite_week_holding_a_bank_holiday_asks_for_the_real_dates(client, two_areas):
    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    inspection = actions.record_inspection(
        actor=lano, area=people.area, framework="2023-full", notified_on=D(2025, 4, 7)
    )
    client.force_login(lano)
    page = client.get(_base(people, inspection)).content.decode()
    assert "Easter Monday" in page
    assert f'{_base(people, inspection)}steps/onsite/"' in page
    response = client.post(
        _base(people, inspection) + "steps/onsite/",
        {**_date("onsite_start", D(2025, 4, 22)), **_date("onsite_end", D(2025, 4, 25))},
    )
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert (inspection.onsite_start, inspection.onsite_end) == (D(2025, 4, 22), D(2025, 4, 25))
    assert (
        "Enter the real dates for Inspectors on site"
        not in client.get(_base(people, inspection)).content.decode()
    )


def test_annex_a_due_on_good_friday_2026_says_on_the_page_that_it_moved(client, two_areas):
    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    inspection = actions.record_inspection(
        actor=lano, area=people.area, framework="2023-full", notified_on=D(2026, 3, 30)
    )
    client.force_login(lano)
    page = client.get(_base(people, inspection)).content.decode()
    row = page[page.index('id="milestone-annex_a"') :]
    row = row[: row.index("</tr>")]
    assert "Thursday 2 April 2026" in row and "is Good Friday" in row


def test_settings_a_rule_change_retired_do_not_break_an_older_record(client, two_areas, inspection):
    people, _ = two_areas
    Inspection.objects.filter(pk=inspection.pk).update(framework_settings={"annex_a_wd": 3})
    client.force_login(people.by_role[Role.VIEWER])
    page = client.get(_base(people, inspection)).content.decode()
    assert "no longer fit the framework data" not in page
