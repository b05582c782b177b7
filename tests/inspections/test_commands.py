"""The timeline and frameworks commands, as scripts use them."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def _run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_timeline_json_gives_key_title_date_time_and_source():
    rows = json.loads(
        _run(
            "timeline",
            "--framework",
            "2016-revisit",
            "--notified",
            "2022-01-17",
            "--onsite-end",
            "2022-02-03",
            "--format",
            "json",
        )
    )
    by_key = {r["key"]: r for r in rows}
    assert {"key", "title", "date", "time", "source"} <= set(rows[0])
    assert (
        by_key["parent_survey"]["date"] == "2022-01-24"
        and by_key["parent_survey"]["time"] == "12:00"
    )
    assert by_key["letter"]["date"] == "2022-03-22"


def test_timeline_text_lists_the_on_site_week():
    assert "Mon 22 Sep 2025 to Fri 26 Sep 2025" in _run(
        "timeline", "--framework", "2023-full", "--notified", "2025-09-08"
    )


@pytest.mark.parametrize(
    "args,message",
    [
        (["--framework", "2023-full", "--notified", "2025-09-06"], "Saturday"),
        (["--framework", "2023-full", "--notified", "2025-08-25"], "bank holiday"),
        (["--framework", "2099-new", "--notified", "2025-09-08"], "no inspection framework"),
        (["--framework", "2023-full", "--notified", "8/9/2025"], "YYYY-MM-DD"),
    ],
)
def test_bad_timeline_input_is_a_clear_error(args, message):
    with pytest.raises(CommandError, match=message):
        _run("timeline", *args)


def test_frameworks_lists_every_framework_name():
    names = {row["name"] for row in json.loads(_run("frameworks", "--format", "json"))}
    assert names == {"2016-inspection", "2016-revisit", "2023-full", "2023-monitoring"}


@pytest.mark.django_db
def test_areas_json_has_code_and_name():
    call_command("load_demo", stdout=StringIO())
    rows = json.loads(_run("areas", "--format", "json"))
    assert {"code": "E99999901", "name": "Demoshire (fictional)"}.items() <= rows[0].items() or any(
        r["code"] == "E99999901" and r["name"] == "Demoshire (fictional)" for r in rows
    )


def test_a_setting_changes_the_report_date():
    rows = json.loads(
        _run(
            "timeline",
            "--framework",
            "2023-full",
            "--notified",
            "2025-09-08",
            "--setting",
            "report_lag_wd=30",
            "--format",
            "json",
        )
    )
    default = json.loads(
        _run("timeline", "--framework", "2023-full", "--notified", "2025-09-08", "--format", "json")
    )
    pick = lambda rs: next(r["date"] for r in rs if r["key"] == "report_published")  # noqa: E731
    assert pick(rows) < pick(default)


def test_an_unknown_setting_is_a_clear_error():
    with pytest.raises(CommandError, match="no setting called"):
        _run("timeline", "--framework", "2023-full", "--notified", "2025-09-08", "--setting", "x=1")


def test_timeline_actual_dates_move_the_steps_chained_from_them():
    rows = json.loads(
        _run(
            "timeline",
            "--framework",
            "2023-full",
            "--notified",
            "2025-09-08",
            "--actual",
            "report_published=2025-12-03",
            "--outcome",
            "positive",
            "--format",
            "json",
        )
    )
    by_key = {r["key"]: r for r in rows}
    assert by_key["report_published"]["actual"] is True
    assert by_key["next_full_5_years"]["date"] == "2030-12-03"
    assert "pap_due" not in by_key and "next_full_3_years" not in by_key
    assert by_key["onsite"]["sources"][0]["title"].startswith("Lancashire County Council")


def test_timeline_text_shows_readable_source_titles_and_actual_dates():
    text = _run(
        "timeline",
        "--framework",
        "2023-full",
        "--notified",
        "2025-09-08",
        "--actual",
        "annex_a=2025-09-11",
    )
    assert "[actual: West Midlands regional slides" in text
    assert "seed-003" not in text and "S5" not in text


def test_frameworks_json_lists_each_frameworks_outcome_keys():
    rows = {r["name"]: r for r in json.loads(_run("frameworks", "--format", "json"))}
    assert [o["key"] for o in rows["2023-full"]["outcomes"]] == [
        "positive",
        "inconsistent",
        "systemic",
    ]
    assert [o["key"] for o in rows["2016-inspection"]["outcomes"]] == ["wsoa", "no_wsoa"]
    assert [o["key"] for o in rows["2016-revisit"]["outcomes"]] == ["sufficient", "insufficient"]
    assert rows["2023-monitoring"]["outcomes"]


@pytest.mark.parametrize(
    "args,message",
    [
        (
            [
                "--framework",
                "2023-full",
                "--notified",
                "2025-09-08",
                "--actual",
                "annex_a=2025-09-05",
            ],
            "before the notification",
        ),
        (
            [
                "--framework",
                "2023-full",
                "--notified",
                "2025-09-08",
                "--actual",
                "report_published=2025-09-12",
            ],
            "before the step it follows",
        ),
        (
            [
                "--framework",
                "2023-full",
                "--notified",
                "2025-09-08",
                "--actual",
                "report=2025-12-03",
            ],
            "no date called 'report'",
        ),
        (
            ["--framework", "2023-full", "--notified", "2025-09-08", "--actual", "annex_a"],
            "KEY=YYYY-MM-DD",
        ),
        (
            ["--framework", "2023-full", "--notified", "2025-09-08", "--outcome", "good"],
            "no outcome called 'good'",
        ),
        (
            [
                "--framework",
                "2016-revisit",
                "--notified",
                "2022-01-17",
                "--outcome",
                "insufficient",
                "--weaknesses",
                "14",
                "--judgement",
                "15=insufficient",
            ],
            "Area of weakness 15 was not recorded",
        ),
    ],
)
def test_bad_actual_dates_and_outcomes_are_clear_errors(args, message):
    with pytest.raises(CommandError, match=message):
        _run("timeline", *args)
