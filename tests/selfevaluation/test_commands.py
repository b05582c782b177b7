"""sendready outcome: the contract the issue spells out."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def run(*args: str) -> dict:
    out = StringIO()
    call_command("outcome", *args, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_outcome_prints_the_outcome_and_dated_follow_ups():
    result = run(
        "--positive-experiences",
        "yes",
        "--strong-outcomes",
        "yes",
        "--taking-action",
        "yes",
        "--priority-actions",
        "0",
        "--report-date",
        "2025-11-20",
    )
    assert result["outcome"] == "positive"
    assert {
        "key": "next_full_5_years",
        "title": "Next full inspection expected (about five years)",
        "date": "2030-11-20",
    } in result["follow_ups"]
    assert all(set(f) == {"key", "title", "date"} for f in result["follow_ups"])


def test_any_priority_action_gives_systemic_with_a_priority_action_plan_and_monitoring():
    result = run(
        "--positive-experiences",
        "yes",
        "--strong-outcomes",
        "yes",
        "--taking-action",
        "yes",
        "--priority-actions",
        "2",
        "--report-date",
        "2025-11-20",
    )
    assert result["outcome"] == "systemic"
    keys = [f["key"] for f in result["follow_ups"]]
    assert "pap_due" in keys and "monitoring_inspection" in keys and "strategic_plan" not in keys


def test_experiences_not_positive_give_inconsistent():
    result = run(
        "--positive-experiences",
        "no",
        "--strong-outcomes",
        "yes",
        "--taking-action",
        "yes",
        "--priority-actions",
        "0",
        "--report-date",
        "2025-11-20",
    )
    assert result["outcome"] == "inconsistent"


@pytest.mark.parametrize(
    "flag,value,message",
    [
        ("--priority-actions", "some", "whole number"),
        ("--report-date", "20/11/2025", "YYYY-MM-DD"),
        ("--priority-actions", "-1", "0 or more"),
    ],
)
def test_bad_input_is_refused_in_plain_words(flag, value, message):
    args = {
        "--positive-experiences": "yes",
        "--strong-outcomes": "yes",
        "--taking-action": "yes",
        "--priority-actions": "0",
        "--report-date": "2025-11-20",
    }
    args[flag] = value
    with pytest.raises(CommandError, match=message):
        call_command("outcome", *[x for pair in args.items() for x in pair])
