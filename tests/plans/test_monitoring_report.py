"""The monitoring report: the plan as at the meeting date, progress since the last report, read back
from the Word file and the workbook on the demo's real dates; producing needs edit rights; audited."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError

from sendready.areas.constants import Role
from sendready.audit.models import AuditEvent
from sendready.plans import demo
from sendready.plans.models import MonitoringReport, Plan
from sendready.plans.report_actions import produce_report
from sendready.plans.report_data import report_data
from sendready.plans.report_documents import report_docx, report_xlsx
from tests.documents.docx_checks import accessibility_problems, all_text


@pytest.fixture
def wsoa(people):
    demo.load(
        people.area,
        {
            "lano": people.by_role[Role.LANO],
            "systemlead": people.by_role[Role.SYSTEM_LEAD],
            "health": people.by_role[Role.HEALTH_LEAD],
        },
    )
    return Plan.objects.get(plan_type="wsoa")


def _rows(workbook, sheet):
    return [tuple(c.value for c in row) for row in workbook[sheet].iter_rows()]


def test_first_report_counts_progress_from_the_day_the_plan_was_made(wsoa):
    data = report_data(wsoa, dt.date(2019, 12, 31))
    assert data.since == dt.date(2019, 3, 1)
    assert data.since_label == "the plan was made"
    # The co-production charter (area 4) was done on 20 December 2019; the others still running.
    assert [(u.area_number, u.date) for u in data.updates] == [(4, dt.date(2019, 12, 20))]


def test_the_second_report_shows_only_what_changed_since_the_first(wsoa, lano):
    produce_report(actor=lano, plan=wsoa, meeting_date=dt.date(2019, 12, 31))
    data = report_data(wsoa, dt.date(2020, 2, 3))
    assert data.since == dt.date(2019, 12, 31)
    assert data.since_label == "the last report (meeting of 31 December 2019)"
    assert [(u.area_number, u.action, u.date) for u in data.updates] == [
        (2, "Agree a joint commissioning strategy", dt.date(2020, 1, 31))
    ]
    status = [c for c in data.changes if c.field == "status"]
    assert [(c.what, c.before, c.after) for c in status] == [
        ("Agree a joint commissioning strategy", "in_progress", "complete")
    ]

    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(data)))
    assert book.sheetnames == [
        "Summary",
        "Areas",
        "Actions",
        "Updates since last report",
        "Measures",
        "Changes",
    ]
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(c.font.bold for c in ws[1])
    summary = dict(_rows(book, "Summary")[1:])
    assert summary["Meeting date"] == "3 February 2020"
    assert summary["Plan due"] == "13 June 2019"
    assert summary["Progress since"].endswith("31 December 2019")
    actions = {r[1]: r for r in _rows(book, "Actions")[1:]}
    joint = actions["Agree a joint commissioning strategy"]
    assert joint[4:] == (dt.datetime(2020, 1, 31), "Complete", "No")
    assert actions["Quality-assure every new EHC plan"][5:] == ("In progress", "No")
    measures = {r[1]: r for r in _rows(book, "Measures")[1:]}
    wait = measures["Mean wait for a neurodevelopmental assessment (weeks)"]
    assert wait[2:] == (62, 30, 28, "Lower is better", "Yes")
    assert _rows(book, "Updates since last report")[1][:3] == (
        2,
        "Agree a joint commissioning strategy",
        dt.datetime(2020, 1, 31),
    )

    word = report_docx(data)
    assert accessibility_problems(word) == []
    text = all_text(word)
    assert "monitoring report for the meeting of 3 February 2020" in text
    assert "Latest judgement: Not judged yet" in text
    assert "Responsible: A named provider: Demoshire Community Health" in text
    assert "Updates since 31 December 2019" in text
    assert "31 January 2020, Agree a joint commissioning strategy: Done" in text


def test_a_report_after_the_revisit_carries_the_judgements_and_overdue_actions(wsoa, lano):
    app = Plan.objects.get(plan_type="app")
    today = dt.date.today()
    data = report_data(app, today)
    overdue = [x.title for a in data.state.areas for x in a.actions if x.due_date < today]
    assert overdue == ["Pooled budget for joint placements agreed by the council and ICB"]
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(data)))
    actions = {r[1]: r for r in _rows(book, "Actions")[1:]}
    assert actions[overdue[0]][6] == "Yes"
    areas = _rows(book, "Areas")[1:]
    assert {r[4] for r in areas} == {"Red", "Amber"}
    assert all(r[5].startswith(r[4] + ":") for r in areas)

    wsoa_book = openpyxl.load_workbook(
        io.BytesIO(report_xlsx(report_data(wsoa, dt.date(2022, 7, 1))))
    )
    judged = {r[0]: r[6:] for r in _rows(wsoa_book, "Areas")[1:]}
    assert judged[2] == ("Insufficient progress", dt.datetime(2022, 6, 14))
    assert judged[1] == ("Sufficient progress", dt.datetime(2022, 6, 14))


def test_text_that_looks_like_a_formula_stays_text(wsoa, lano):
    from sendready.plans.work_actions import add_action_update

    action = wsoa.areas.get(number=1).actions.get()
    add_action_update(actor=lano, action=action, date=dt.date.today(), note='=HYPERLINK("x")')
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(report_data(wsoa, dt.date.today()))))
    cell = next(
        c
        for row in book["Updates since last report"].iter_rows()
        for c in row
        if c.value == '=HYPERLINK("x")'
    )
    assert cell.data_type == "s"


def test_producing_a_report_is_recorded_once_per_meeting_and_refuses_a_date_before_the_plan(
    wsoa, lano
):
    with pytest.raises(ValidationError, match="on or after 1 March 2019"):
        produce_report(actor=lano, plan=wsoa, meeting_date=dt.date(2019, 2, 1))
    with pytest.raises(ValidationError, match="Enter the date"):
        produce_report(actor=lano, plan=wsoa, meeting_date=None)
    assert not MonitoringReport.objects.exists()
    produce_report(actor=lano, plan=wsoa, meeting_date=dt.date(2020, 2, 3))
    produce_report(actor=lano, plan=wsoa, meeting_date=dt.date(2020, 2, 3))
    assert MonitoringReport.objects.count() == 1
    assert AuditEvent.objects.filter(object_type="monitoring_report").count() == 2


def test_the_page_lets_viewers_download_and_editors_produce(client, people, wsoa):
    base = f"/areas/{people.area.code}/plans/{wsoa.pk}/monitoring-report"
    client.force_login(people.by_role[Role.VIEWER])
    page = client.get(base + "/")
    assert page.status_code == 200
    assert "Produce the report" not in page.content.decode()
    assert (
        client.post(
            base + "/",
            {"meeting_date_day": "3", "meeting_date_month": "2", "meeting_date_year": "2020"},
        ).status_code
        == 403
    )
    response = client.get(base + ".docx?meeting=2020-02-03")
    assert response.status_code == 200
    assert "monitoring report for the meeting of 3 February 2020" in all_text(response.content)
    assert client.get(base + ".xlsx?meeting=2020-02-03").status_code == 200
    assert (
        AuditEvent.objects.filter(object_type="monitoring_report", action="exported").count() == 2
    )
    assert client.get(base + ".docx?meeting=yesterday").status_code == 404

    client.force_login(people.by_role[Role.LANO])
    bad = client.post(
        base + "/",
        {"meeting_date_day": "1", "meeting_date_month": "2", "meeting_date_year": "2019"},
    )
    assert "the day the plan was made" in bad.content.decode()
    good = client.post(
        base + "/",
        {"meeting_date_day": "3", "meeting_date_month": "2", "meeting_date_year": "2020"},
    )
    assert good.status_code == 302
    page = client.get(base + "/").content.decode()
    assert "The last report was for the meeting of" in page
    assert "monitoring-report.docx?meeting=2020-02-03" in page


def test_another_areas_plan_is_not_found(client, people, wsoa):
    client.force_login(people.outsider)
    assert client.get(f"/areas/E99000002/plans/{wsoa.pk}/monitoring-report.docx").status_code == 404
    assert client.get(f"/areas/E99000002/plans/{wsoa.pk}/monitoring-report/").status_code == 404
