"""Results: counts after suppression on the page with a chart and a table, audited CSV and Excel
downloads read back, and the survey-results command's JSON."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from sendready.areas.constants import Role
from sendready.audit.models import AuditEvent
from sendready.surveys.models import Response
from sendready.surveys.testing import answer_survey

pytestmark = pytest.mark.django_db


def _answers(survey, rows):
    Response.objects.bulk_create(
        Response(survey=survey, submitted_on="2026-03-24", answers=a) for a in rows
    )


@pytest.fixture
def answered(survey):
    rows = [{"listened_to": "Agree", "support_type": "None of these"} for _ in range(12)]
    rows += [{"listened_to": "Disagree", "support_type": "None of these"} for _ in range(6)]
    rows += [{"listened_to": "Strongly disagree", "support_type": "I'm not sure"} for _ in range(2)]
    for i, row in enumerate(rows[:6]):
        row["one_thing"] = f"Idea {i}"
    _answers(survey, rows)
    return survey


def test_the_command_prints_counts_after_suppression_and_responses(answered, people, capsys):
    call_command(
        "survey_results",
        "--area",
        people.area.code,
        "--survey",
        str(answered.pk),
        "--format",
        "json",
    )
    data = json.loads(capsys.readouterr().out)
    assert data["responses"] == 20
    listened = next(q for q in data["questions"] if q["key"] == "listened_to")
    assert listened["responses"] == 20
    assert listened["counts"] == {
        "Strongly agree": 0,
        "Agree": 12,
        "Neither agree nor disagree": 0,
        "Disagree": "withheld",
        "Strongly disagree": "fewer than 5",
        "Don't know": 0,
    }
    one_thing = next(q for q in data["questions"] if q["key"] == "one_thing")
    assert one_thing["counts"] == {} and one_thing["responses"] == 6
    assert one_thing["answers"] == [f"Idea {i}" for i in range(6)]
    assert all({"counts", "responses"} <= set(q) for q in data["questions"])


def test_the_command_hides_everything_under_five_responses(survey, people, capsys):
    _answers(survey, [{"listened_to": "Agree"}] * 3)
    call_command(
        "survey_results", "--area", people.area.code, "--survey", str(survey.pk), "--format", "json"
    )
    data = json.loads(capsys.readouterr().out)
    assert data["responses"] == "fewer than 5"
    assert all(v == "fewer than 5" for q in data["questions"] for v in q["counts"].values())


def test_the_command_refuses_an_unknown_area_or_survey(survey, people):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No local area"):
        call_command("survey_results", "--area", "E00000000", "--survey", str(survey.pk))
    with pytest.raises(CommandError, match="has no survey number"):
        call_command("survey_results", "--area", people.area.code, "--survey", "999999")


def test_the_results_page_shows_each_chart_followed_by_its_table(client, answered, people):
    client.force_login(people.by_role[Role.VIEWER])
    page = client.get(
        reverse("surveys:results", args=[people.area.code, answered.pk])
    ).content.decode()
    chart = reverse("surveys:chart", args=[people.area.code, answered.pk, "listened_to"])
    assert chart in page
    assert page.index(chart) < page.index("Answers to question 3")
    assert "fewer than 5" in page and "60%" in page
    svg = client.get(chart)
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content


def test_the_downloads_are_audited_and_read_back(client, answered, people):
    lano = people.by_role[Role.LANO]
    client.force_login(lano)
    raw = client.get(reverse("surveys:export_csv", args=[people.area.code, answered.pk])).content
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["Question", "Answer", "Number", "Per cent"]
    assert rows[1] == ["All questions", "Responses", "20", ""]
    listened = "I feel listened to when decisions are made about my child's support."
    assert [listened, "Strongly disagree", "fewer than 5", ""] in rows
    assert [listened, "Agree", "12", "60%"] in rows
    assert [
        "What one thing would make the most difference to your family?",
        "Idea 3",
        "",
        "",
    ] in rows
    xlsx = client.get(reverse("surveys:export_xlsx", args=[people.area.code, answered.pk])).content
    book = load_workbook(io.BytesIO(xlsx))
    counts = [tuple(r) for r in book["Counts"].iter_rows(values_only=True)]
    assert (listened, "Disagree", "withheld", None) in counts
    written = [r for r in book["Written answers"].iter_rows(values_only=True)]
    assert len(written) == 7
    exports = AuditEvent.objects.filter(object_type="survey", action="exported", user=lano)
    assert sorted(e.detail for e in exports) == ["results as CSV", "results as XLSX"]


def test_a_viewer_reads_results_but_may_not_download_them(client, answered, people):
    client.force_login(people.by_role[Role.VIEWER])
    assert (
        client.get(reverse("surveys:export_csv", args=[people.area.code, answered.pk])).status_code
        == 403
    )


def test_the_list_filters_by_audience(client, survey, people, lano, pcf):
    from sendready.surveys.testing import open_survey

    open_survey(people.area, lano, pcf, "practitioners")
    client.force_login(lano)
    url = reverse("surveys:list", args=[people.area.code])
    page = client.get(url, {"audience": "practitioners"}).content.decode()
    assert "working together for children" in page and "experience of SEND support" not in page
    assert "experience of SEND support" in client.get(url).content.decode()


def test_synthetic_answers_go_through_the_same_checks(survey):
    assert answer_survey(survey, 10) == 10
    assert Response.objects.filter(survey=survey).count() == 10


def test_results_can_be_pinned_as_self_evaluation_evidence(answered, people, lano):
    from sendready.selfevaluation import actions as sef_actions
    from sendready.selfevaluation import evidence_actions

    sef = sef_actions.start_self_evaluation(actor=lano, area=people.area)
    item = evidence_actions.pin_finding(
        actor=lano,
        sef=sef,
        source_key="surveys",
        finding_key=f"{answered.pk}-listened_to",
        values={"owner": lano, "criteria": ["participate"]},
    )
    assert item.kind == "lived_experience"
    table = [list(row) for row in item.finding_pinned["table"]]
    assert ["Strongly disagree", "fewer than 5", ""] in table
    assert ["Agree", "12", "60%"] in table
    assert not any("Idea" in str(row) for row in table)  # written answers never leave
