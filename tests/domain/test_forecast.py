"""The per-term forecast of full inspections, monitoring inspections and re-visits."""

from datetime import date

from sendready.domain.forecasting.forecast import forecast
from sendready.domain.forecasting.terms import describe_interval, term_of
from sendready.domain.history.events import load_areas, load_events


def test_terms_are_named_as_schools_name_them() -> None:
    assert term_of(date(2025, 9, 1)).name == "Autumn 2025"
    assert term_of(date(2026, 3, 31)).name == "Spring 2026"
    assert term_of(date(2026, 8, 31)).name == "Summer 2026"


def test_elapsed_time_reads_in_years_and_months() -> None:
    assert describe_interval(date(2021, 3, 18), date(2025, 9, 1)) == "4 years 5 months"


def test_full_inspection_probabilities_sum_to_the_expected_national_count() -> None:
    forecasts = forecast(date(2025, 9, 1), load_areas(), load_events())
    assert len(forecasts) == 153
    first_term = sum(f.terms[0].full for f in forecasts)
    assert (
        9 < first_term < 13
    )  # about 10 a term observed, raised to the pace that finishes the cycle


def test_a_systemic_outcome_makes_a_monitoring_inspection_peak_about_18_months_after_the_report() -> (
    None
):
    # Derbyshire's report (widespread and/or systemic failings) was published on 14 November 2024.
    derbyshire = forecast(date(2025, 9, 1), load_areas(), load_events(), area_code="E10000007")[0]
    peak = max(derbyshire.terms, key=lambda t: t.monitoring)
    assert peak.term == "Summer 2026"  # May 2026 is 18 months on
    assert any("monitoring inspection" in line for line in derbyshire.explanation)


def test_as_of_ignores_inspections_that_started_later() -> None:
    # Dorset's 2023-framework inspection started on 11 March 2024.
    before = forecast(date(2024, 3, 10), load_areas(), load_events(), area_code="E06000059")[0]
    after = forecast(date(2024, 3, 11), load_areas(), load_events(), area_code="E06000059")[0]
    assert before.last_inspection.framework == "2016"
    assert after.last_inspection.framework == "2023" and after.last_inspection.outcome is None


def test_once_probably_inspected_an_area_is_unlikely_to_be_inspected_again_soon() -> None:
    forecasts = forecast(date(2025, 9, 1), load_areas(), load_events())
    for f in forecasts:
        assert sum(t.full for t in f.terms) <= 1.0001


def test_successor_areas_inherit_the_abolished_county_history() -> None:
    west = forecast(date(2023, 1, 1), load_areas(), load_events(), area_code="E06000062")[0]
    assert west.last_inspection.start_date == date(2017, 5, 15)


def test_each_forecast_is_explained_in_words() -> None:
    f = forecast(date(2025, 9, 1), load_areas(), load_events(), region="West Midlands")
    assert len(f) == 14
    assert all(any(line.startswith("last full inspection") for line in x.explanation) for x in f)


def test_the_regional_table_lists_each_area_with_its_most_likely_term() -> None:
    from sendready.domain.forecasting.forecast import regional_table

    rows = regional_table(date(2025, 9, 1), load_areas(), load_events(), region="West Midlands")
    assert len(rows) == 14
    stoke = next(r for r in rows if r.area_name == "Stoke-on-Trent")
    assert stoke.last_inspection_date == date(2024, 1, 29) and stoke.time_since == "1 year 7 months"


def test_the_learnt_group_rate_starts_at_one_and_uses_only_terms_completed_before_the_forecast_date() -> (
    None
):
    from sendready.domain.forecasting.detail import area_states, group_rates
    from sendready.domain.forecasting.rates import known_on
    from sendready.domain.forecasting.terms import load_rules

    areas, events = load_areas(), load_events()
    rules = {
        **load_rules(),
        "learnt_groups": ["wsoa_not_revisited"],
    }  # off by default: it did not help out of sample
    at_start = known_on(events, date(2023, 1, 1))
    ((rate, _members),) = group_rates(
        area_states(areas, at_start, rules), at_start, areas, date(2023, 1, 1), rules
    )
    assert rate.ratio == 1.0 and rate.terms == 0
    later = known_on(events, date(2025, 8, 31))
    ((rate, members),) = group_rates(
        area_states(areas, later, rules), later, areas, date(2025, 8, 31), rules
    )
    assert (
        rate.terms == 8 and rate.ratio > 1
    )  # WSOA areas never re-visited have been inspected early
    assert "E10000007" not in members  # Derbyshire had no written statement of action
