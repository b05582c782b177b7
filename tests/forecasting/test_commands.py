"""The forecast and backtest commands: JSON shape, exit codes, and imports counting."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sendready.forecasting.actions import import_events
from tests.forecasting.test_import import HEADER, _row


def _json(*args: str) -> dict:
    out = StringIO()
    call_command(*args, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_the_forecast_for_a_region_lists_each_area_with_six_terms(db) -> None:
    data = _json("forecast", "--region", "West Midlands", "--as-of", "2025-09-01")
    assert len(data["areas"]) == 14
    stoke = next(a for a in data["areas"] if a["area_code"] == "E06000021")
    assert stoke["area_name"] == "Stoke-on-Trent" and stoke["region"] == "West Midlands"
    last = stoke["last_inspection"]
    assert (last["date"], last["date_is"], last["type"], last["framework"], last["outcome"]) == (
        "2024-01-29",
        "start",
        "full inspection",
        "2023",
        "INCONSISTENT",
    )
    assert [t["term"] for t in stoke["terms"]][:2] == ["Autumn 2025", "Spring 2026"]
    assert {"term", "probability", "full", "monitoring", "revisit"} <= set(stoke["terms"][0])
    assert stoke["explanation"]
    assert stoke["most_likely_term"] in [t["term"] for t in stoke["terms"]]
    assert stoke["summary"] == (
        stoke["most_likely_term"]
        if stoke["expected_in_these_terms"]
        else "Not expected in the next 6 terms"
    )


def test_an_imported_inspection_changes_the_forecast(db) -> None:
    before = _json("forecast", "--area", "E06000021", "--as-of", "2025-12-01")["areas"][0]
    import_events(content="\n".join([HEADER, _row()]))
    after = _json("forecast", "--area", "E06000021", "--as-of", "2025-12-01")["areas"][0]
    assert before["last_inspection"]["date"] == "2024-01-29"
    assert after["last_inspection"]["date"] == "2025-10-06"


@pytest.mark.parametrize(
    "args", [["--region", "Atlantis"], ["--area", "E99999999"], ["--as-of", "01/09/2025"]]
)
def test_bad_forecast_options_are_clear_errors(db, args: list[str]) -> None:
    with pytest.raises(CommandError):
        call_command("forecast", *args, stdout=StringIO())


def test_the_backtest_beats_the_seed_rule_on_brier_score_and_reports_every_term(db) -> None:
    data = _json("backtest")
    assert (data["from"], data["to"]) == ("2023-01-01", "2025-08-31")
    assert len(data["terms"]) == 8
    for method in ("model", "seed_rule", "random"):
        assert {"hit_rate", "brier", "hits", "k", "calibration"} <= set(data["overall"][method])
    assert data["overall"]["model"]["brier"] < data["overall"]["seed_rule"]["brier"]


def test_the_backtest_scores_every_method_with_the_keys_the_issue_names(db) -> None:
    data = _json("backtest", "--kind", "full")
    assert data["kind"] == "full" and set(data["overall"]) == {
        "model",
        "seed_rule",
        "random",
        "pool",
    }
    for score in data["overall"].values():
        assert {"hit_rate", "brier", "log_loss", "hits", "k", "n"} <= set(score)
    assert data["best_baseline"] == "pool"
    assert data["overall"]["model"]["brier"] <= data["overall"]["pool"]["brier"]
    assert data["overall"]["model"]["log_loss"] <= data["overall"]["pool"]["log_loss"]
    revisits = _json("backtest", "--kind", "revisit")
    assert (revisits["from"], revisits["kind"]) == ("2018-12-01", "revisit") and revisits[
        "overall"
    ]["model"]["k"] > 0
    with pytest.raises(CommandError):
        call_command("backtest", "--kind", "thematic", stdout=StringIO())


def test_text_and_json_forecasts_say_how_new_the_history_is_and_warn_when_it_is_old(db) -> None:
    out = StringIO()
    call_command("forecast", "--area", "E06000021", "--as-of", "2026-12-02", stdout=out)
    text = out.getvalue()
    assert text.startswith("OUT OF DATE: The newest inspection held here started on 14 July 2025")
    assert "import-inspections" in text
    data = _json("forecast", "--area", "E06000021", "--as-of", "2025-09-01")
    assert (data["newest_inspection"], data["out_of_date"]) == ("2025-07-14", False)
    assert _json("forecast", "--area", "E06000021", "--as-of", "2026-12-02")["out_of_date"] is True


def test_a_backtest_that_ends_before_it_starts_is_refused(db) -> None:
    with pytest.raises(CommandError, match="before"):
        call_command("backtest", "--from", "2025-01-01", "--to", "2024-01-01", stdout=StringIO())
