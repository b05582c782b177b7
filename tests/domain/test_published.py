"""DfE's published figures by area: real values from the shipped files, ranks, gaps and reconciliation."""

import csv
import json
from datetime import date
from importlib import resources

import pytest
from tests.conftest import SHARED

from sendready.domain.published.derive import derive, write_csv
from sendready.domain.published.figures import (
    PublishedValue,
    la_code_for,
    published_for_area,
    series_for,
)
from sendready.domain.published.measures import load_measures, measure_for_indicator, provenance
from sendready.domain.published.reconcile import (
    calendar_years_covered,
    compare,
    january_covered,
)

DATA = SHARED / "data"
TIMELINESS = DATA / "dfe_ehcp_2025_timeliness_20_week.csv"


def _measure(measure_id):
    return next(m for m in load_measures() if m.id == measure_id)


def _year(series, year):
    return next(y for y in series.years if y.year == year)


@pytest.mark.skipif(not DATA.exists(), reason="needs ../shared/data")
def test_the_shipped_figures_are_exactly_what_dfes_files_give():
    shipped = (
        resources.files("sendready.domain.published")
        .joinpath("data/dfe_published_figures.csv")
        .read_text("utf-8")
    )
    assert shipped == write_csv(derive(DATA))


def test_england_20_week_timeliness_is_dfes_headline_series():
    series = series_for(_measure("plans_within_20_weeks_excl_exceptions_pct"), "390")
    england = {y.year: y.england.value for y in series.years if y.year >= "2019"}
    assert england == {
        "2019": 60.4,
        "2020": 58.0,
        "2021": 59.9,
        "2022": 49.2,
        "2023": 50.3,
        "2024": 46.4,
    }


def test_gateshead_2024_20_week_figure_region_and_rank_among_the_areas():
    series = series_for(_measure("plans_within_20_weeks_excl_exceptions_pct"), "390")
    latest = series.latest
    assert (latest.year, latest.area.value, latest.region.value, latest.england.value) == (
        "2024",
        80.8,
        49.0,
        46.4,
    )
    assert series.region_name == "North East"
    # Worked out again from DfE's own file: one more than the areas with a higher figure.
    rows = [
        r
        for r in csv.DictReader(TIMELINESS.open(encoding="utf-8-sig"))
        if r["time_period"] == "2024"
        and r["geographic_level"] == "Local authority"
        and r["breakdown_topic"] == "All EHC plans issued"
    ]
    assert len(rows) == 153
    published = [
        float(r["PC_plans_issued_20_weeks_ex"])
        for r in rows
        if r["PC_plans_issued_20_weeks_ex"] != "x"
    ]
    assert latest.rank.position == 1 + sum(v > 80.8 for v in published) == 36
    assert latest.rank.of == len(published) == 151  # two areas' figures are suppressed
    assert latest.rank.text == "36th of 151"


def test_tied_areas_share_the_better_position():
    # Cumberland (942) and Southwark (359) both published 42.6% in 2024.
    cumberland = series_for(_measure("plans_within_20_weeks_excl_exceptions_pct"), "942").latest
    southwark = series_for(_measure("plans_within_20_weeks_excl_exceptions_pct"), "359").latest
    assert cumberland.rank == southwark.rank
    assert cumberland.rank.tied and cumberland.rank.text.startswith("=")


def test_lower_is_better_ranks_the_lowest_first():
    rates = series_for(_measure("tribunal_appeal_rate_pct"), "390")
    assert _measure("tribunal_appeal_rate_pct").better == "lower"
    lowest = min(
        (y.area.value for y in rates.years if y.year == "2024" and y.area.value is not None),
        default=None,
    )
    assert lowest is not None
    assert "lowest" in _measure("tribunal_appeal_rate_pct").rank_order


def test_a_suppressed_value_is_not_published_never_zero():
    # City of London's (201) 2024 20-week figure is 'x' in DfE's file.
    latest = series_for(_measure("plans_within_20_weeks_excl_exceptions_pct"), "201").latest
    assert latest.area.value is None and latest.area.printed == "x"
    assert latest.rank is None
    assert latest.note == "Not published for this area in 2024 (DfE's code x: not available)."
    assert latest.to_dict()["area"] is None


def test_an_area_missing_from_a_years_file_says_so():
    # Leicester (856) has no row in DfE's 2023 timeliness file.
    series = series_for(_measure("plans_within_20_weeks_excl_exceptions_pct"), "856")
    assert _year(series, "2023").area.value is None
    assert _year(series, "2023").note == "Not published for this area in 2023."
    assert _year(series, "2024").area.value == 51.5


def test_cumbrias_successors_have_no_figures_before_the_split():
    series = series_for(_measure("ehc_plans_in_january"), "943")  # Westmorland and Furness
    jan_2023 = _year(series, "2023")  # January 2023 came before the split in April
    assert jan_2023.area.value is None
    assert "Cumbria was split" in jan_2023.note and "2023" in jan_2023.note
    assert _year(series, "2024").area.value is not None
    northants = series_for(_measure("plans_within_20_weeks_excl_exceptions_pct"), "940")
    assert "Northamptonshire was split" in _year(northants, "2020").note
    assert _year(northants, "2021").area.value is not None


def test_north_yorkshire_keeps_its_figures_through_its_change_of_ons_code():
    assert la_code_for("E06000065", "815") == "815"
    assert la_code_for("E10000023") == "815"
    series = series_for(_measure("ehc_plans_in_january"), "815")
    assert all(y.area.value for y in series.years)


def test_the_tribunal_table_is_matched_on_names_not_its_wrong_codes():
    rates = series_for(_measure("tribunal_appeal_rate_pct"), "892")  # Nottingham
    assert _year(rates, "2014").area.value == 2.7  # the row printed with code 891
    notts = series_for(_measure("tribunal_appeal_rate_pct"), "891")
    assert _year(notts, "2014").area.value == 2.6  # the row printed with code 928
    cambs = series_for(_measure("tribunal_appeal_rate_pct"), "873")
    assert _year(cambs, "2023").area.value == 1.6 and _year(cambs, "2024").area.value == 1.7
    dorset = series_for(_measure("tribunal_appeal_rate_pct"), "838")
    assert "old Dorset county" in _year(dorset, "2018").note
    assert _year(rates, "2024").england.value == 3.2
    assert rates.measure.region_note  # the region's rate is ours, and says so


def test_the_json_has_the_five_keys_for_the_latest_year():
    data = series_for(_measure("ehc_plans_in_january"), "390").to_dict()
    assert {"year", "area", "region", "england", "rank"} <= set(data)
    assert data["year"] == "2025" and data["england"] == 638745 and data["area"] == 1923
    assert data["series"][-1]["year"] == "2025"
    assert "Open Government Licence v3.0" in data["source"]
    json.dumps(data)


def test_every_measure_named_and_mapped():
    ids = {m.id for m in load_measures()}
    assert {
        "plans_within_20_weeks_excl_exceptions_pct",
        "plans_within_20_weeks_incl_exceptions_pct",
        "ehc_plans_in_january",
        "requests_received",
        "requests_not_assessed_pct",
        "tribunal_appeal_rate_pct",
    } <= ids
    assert measure_for_indicator("ehc_within_20_weeks_dfe_pct").id.startswith("plans_within_20")
    assert measure_for_indicator("ehc_plans").id == "ehc_plans_in_january"
    assert measure_for_indicator("neet") is None
    assert provenance()["licence"] == "Open Government Licence v3.0"


def test_an_area_dfe_does_not_publish_still_sees_its_region_and_england():
    series = published_for_area("", "West Midlands")
    latest = series[0].latest
    assert latest.area.value is None and latest.rank is None
    assert latest.region.value == 42.3 and latest.england.value == 46.4


def test_which_periods_a_snapshot_covers():
    years = ["2022", "2023", "2024"]
    assert calendar_years_covered(date(2025, 3, 1), years) == ["2024", "2023"]
    assert calendar_years_covered(date(2024, 12, 30), years) == ["2023", "2022"]
    assert january_covered(date(2025, 1, 16), ["2024", "2025"]) == "2025"
    assert january_covered(date(2025, 2, 1), ["2024", "2025"]) is None


def test_reconciliation_states_both_figures_and_the_difference():
    measure = _measure("plans_within_20_weeks_excl_exceptions_pct")
    series = series_for(measure, "390")
    close = compare(measure, series, "2024", 80.0)
    assert (close.difference, close.check) == (-0.8, False)
    assert close.words == (
        "Your file gives 80.0% for 2024; DfE published 80.8%: yours is 0.8 percentage points lower."
    )
    far = compare(measure, series, "2024", 60.0)
    assert far.check and "Check this before an inspector asks" in far.words
    plans = _measure("ehc_plans_in_january")
    counted = compare(plans, series_for(plans, "390"), "2025", 1923)
    assert counted.difference == 0 and "the same as DfE published" in counted.words
    gap = compare(plans, series_for(plans, "943"), "2023", 1200)
    assert gap.difference is None and "Cumbria" in gap.words


def test_the_older_sen2_series_z_is_not_applicable_not_zero():
    series = series_for(_measure("requests_received"), "390")
    y2014 = _year(series, "2014")
    assert y2014.england.value is None and y2014.england.printed == "z"
    assert y2014.england.reason == "not applicable"
    assert y2014.area.value is None and "(DfE's code z: not applicable)" in y2014.note
    assert _year(series, "2019").england.value == 82329  # the 2025 release takes over from 2019


def test_every_code_dfe_uses_for_a_missing_figure_has_a_reason():
    assert PublishedValue(None, "c").reason == "suppressed to protect confidentiality"
    assert PublishedValue(None, "..").reason == "not available"
    assert PublishedValue(None, "~").reason == "suppressed"
    assert PublishedValue(12.5, "12.5").reason == ""
