"""Indicators: hand-checked figures, the rows behind each, filters, trends and the national figures."""

import csv
import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from sendready.domain.person_level.indicator_rules import specs
from sendready.domain.person_level.indicators import (
    compare_snapshots,
    compute_indicators,
    definitions,
    positions_for,
    rows_for,
)
from sendready.domain.person_level.validation import validate

AS_OF = dt.date(2025, 3, 31)
TIMELINESS = (
    Path(__file__).resolve().parents[3] / "shared" / "data" / "dfe_ehcp_2025_timeliness_20_week.csv"
)
COLS = [
    "person_id",
    "date_of_birth",
    "sen_status",
    "primary_need",
    "phase",
    "setting_type",
    "ehcna_request_date",
    "final_plan_date",
    "exception_flag",
    "last_annual_review_date",
    "attendance_pct",
    "suspensions",
    "neet",
    "looked_after",
]


def frame(*rows: tuple) -> pl.DataFrame:
    raw = pl.DataFrame(
        [[None if v is None else str(v) for v in r] for r in rows],
        schema=COLS,
        orient="row",
    )
    result = validate(raw, AS_OF)
    assert result.ok, result.errors
    return result.rows


ROWS = frame(
    # id, dob, status, need, phase, setting, request, final, exception, review, att, susp, neet, lac
    (
        "A",
        "2014-01-01",
        "E",
        "ASD",
        "primary",
        "mainstream",
        "2024-06-01",
        "2024-10-01",
        "N",
        None,
        95,
        0,
        None,
        "Y",
    ),
    (
        "B",
        "2014-01-01",
        "E",
        "ASD",
        "primary",
        "special",
        "2024-06-01",
        "2024-12-31",
        "N",
        None,
        85,
        2,
        None,
        "N",
    ),
    (
        "C",
        "2010-01-01",
        "E",
        "SEMH",
        "secondary",
        "special",
        "2024-01-01",
        "2024-12-01",
        "Y",
        None,
        80,
        1,
        None,
        "N",
    ),
    (
        "D",
        "2008-01-01",
        "E",
        "SLCN",
        "secondary",
        "mainstream",
        "2018-01-01",
        "2018-05-01",
        "N",
        "2023-06-01",
        None,
        None,
        None,
        "N",
    ),
    (
        "E",
        "2022-01-01",
        "E",
        "PD",
        "early_years",
        "early_years",
        "2023-01-01",
        "2023-05-01",
        "N",
        "2024-08-01",
        None,
        None,
        None,
        "N",
    ),
    (
        "F",
        "2015-01-01",
        "K",
        "MLD",
        "primary",
        "mainstream",
        None,
        None,
        None,
        None,
        89.9,
        0,
        None,
        "N",
    ),
    (
        "G",
        "2005-01-01",
        "K",
        "SPLD",
        "post16",
        "further_education",
        None,
        None,
        None,
        None,
        None,
        None,
        "Y",
        "N",
    ),
)


def test_counts_and_20_week_timeliness_match_a_hand_count():
    s = compute_indicators(ROWS, AS_OF)
    assert (s["rows"], s["ehc_plans"], s["sen_support"], s["ehc_new_plans"]) == (7, 5, 2, 3)
    # A: 122 days (in time); B: 213 days (late); C: exception, 335 days.
    assert s["ehc_within_20_weeks_pct"] == 50.0
    assert s["ehc_within_20_weeks_incl_exceptions_pct"] == pytest.approx(33.3)
    assert s["ehc_mean_weeks"] == pytest.approx(round((122 + 213) / 2 / 7, 1))


def test_reviews_are_overdue_after_12_months_at_any_age_and_under_fives_are_shown_apart():
    s = compute_indicators(ROWS, AS_OF)
    assert sorted(rows_for("annual_reviews_overdue", ROWS, AS_OF)["person_id"]) == ["D"]
    assert s["annual_reviews_overdue_pct"] == 20.0
    # E (aged 3) was last reviewed 8 months ago: the Code of Practice's "should consider", not overdue.
    assert rows_for("under_5_reviews_over_6_months", ROWS, AS_OF)["person_id"].to_list() == ["E"]


def test_persistent_absence_suspensions_neet_and_overlaps():
    s = compute_indicators(ROWS, AS_OF)
    assert s["persistent_absence_pct"] == pytest.approx(75.0)  # B, C, F of A, B, C, F
    assert s["suspended_pupils_ehc"] == 2 and s["suspensions_ehc"] == 3
    assert s["neet"] == 1 and s["looked_after_ehc"] == 1 and s["looked_after_sen_support"] == 0


def test_undefined_percentages_are_none_not_zero():
    s = compute_indicators(ROWS.head(0), AS_OF)
    assert s["rows"] == 0 and s["ehc_within_20_weeks_pct"] is None and s["ehc_mean_weeks"] is None


def test_rows_for_lists_the_rows_behind_a_figure_and_its_base():
    late = rows_for("ehc_within_20_weeks_pct", ROWS, AS_OF)
    assert late["person_id"].to_list() == ["A"]
    assert rows_for("ehc_within_20_weeks_pct", ROWS, AS_OF, part="denominator")[
        "person_id"
    ].to_list() == ["A", "B"]
    assert rows_for("by_primary_need:ASD", ROWS, AS_OF).height == 2
    assert rows_for("rows", ROWS, AS_OF).columns == ROWS.columns
    with pytest.raises(KeyError):
        rows_for("no_such_indicator", ROWS, AS_OF)


def test_positions_for_finds_the_same_rows_as_rows_for_in_person_id_order_reading_lazily():
    shuffled = ROWS.sample(fraction=1.0, shuffle=True, seed=7)
    for indicator, part, filters in [
        ("ehc_within_20_weeks_pct", "denominator", None),
        ("by_primary_need:ASD", "numerator", None),
        ("rows", "numerator", {"phase": ["primary"]}),
    ]:
        where = positions_for(indicator, shuffled.lazy(), AS_OF, filters, part).collect()
        found = shuffled[where.to_series().to_list()]["person_id"].to_list()
        expected = rows_for(indicator, shuffled, AS_OF, filters, part)["person_id"].to_list()
        assert found == sorted(expected)
    with pytest.raises(KeyError):
        positions_for("no_such_indicator", ROWS.lazy(), AS_OF)


def test_figures_from_a_lazy_scan_equal_those_from_a_frame():
    lazy = compute_indicators(ROWS.lazy(), AS_OF, {"phase": ["primary"]})
    assert lazy.to_dict() == compute_indicators(ROWS, AS_OF, {"phase": ["primary"]}).to_dict()


def test_breakdowns_and_filters():
    s = compute_indicators(ROWS, AS_OF)
    assert s.breakdowns["by_primary_need"]["ASD"] == {"total": 2, "E": 2, "K": 0, "N": 0}
    assert s.breakdowns["by_age_band"]["0-4"]["total"] == 1
    primary = compute_indicators(ROWS, AS_OF, filters={"phase": ["primary"]})
    assert primary["rows"] == 3 and primary.filters == {"phase": ["primary"]}
    assert (
        compute_indicators(
            ROWS, AS_OF, filters={"setting_type": ["special"], "primary_need": ["ASD"]}
        )["rows"]
        == 1
    )


def test_compare_snapshots_orders_by_date_and_gives_changes():
    later = compute_indicators(ROWS, AS_OF)
    earlier = compute_indicators(ROWS.head(3), dt.date(2024, 12, 31))
    trend = compare_snapshots([later, earlier])["rows"]
    assert [p[0] for p in trend.points] == [dt.date(2024, 12, 31), AS_OF]
    assert trend.change_from_previous == 4


def test_every_indicator_has_a_definition_and_the_json_form_is_plain():
    defs = definitions()
    for spec in specs():
        assert spec.id in defs and defs[spec.id]["title"] and defs[spec.id]["definition"]
    assert compute_indicators(ROWS, AS_OF).to_dict()["as_of"] == "2025-03-31"


@pytest.mark.skipif(not TIMELINESS.exists(), reason="shared DfE data not present")
def test_national_20_week_figures_match_the_dfe_file():
    with TIMELINESS.open(encoding="utf-8-sig") as fh:
        national = {
            r["time_period"]: r
            for r in csv.DictReader(fh)
            if r["geographic_level"] == "National"
            and r["breakdown_topic"] == "All EHC plans issued"
        }
    for indicator_id, field in [
        ("ehc_within_20_weeks_pct", "PC_plans_issued_20_weeks_ex"),
        ("ehc_within_20_weeks_incl_exceptions_pct", "pc_plans_issued_within_20_weeks"),
        ("ehc_over_1_year_pct", "PC_plans_issued_gt_1_year_ex"),
    ]:
        series = definitions()[indicator_id]["national"]["series"]
        assert {y: float(national[y][field]) for y in series} == series
    assert definitions()["ehc_within_20_weeks_pct"]["national"]["value"] == 46.4
