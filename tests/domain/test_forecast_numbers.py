"""The numbers an officer sees: the first term, one monitoring inspection's chances, reasons that agree with
the numbers, the last full inspection, school-year terms and a forecast that says when it is out of date."""

from datetime import date

import pytest

from sendready.domain.forecasting.forecast import first_term, forecast, freshness, regional_table
from sendready.domain.forecasting.terms import term_of
from sendready.domain.history.events import load_areas, load_events


def test_the_spring_term_ends_when_the_easter_holidays_begin() -> None:
    assert term_of(date(2024, 3, 28)).name == "Spring 2024"  # Good Friday 2024 was 29 March
    assert term_of(date(2024, 3, 29)).name == "Summer 2024"
    assert term_of(date(2025, 4, 17)).name == "Spring 2025"  # Good Friday 2025 was 18 April
    assert term_of(date(2025, 4, 18)).name == "Summer 2025"


def test_a_term_nearly_over_is_skipped_and_the_forecast_says_so() -> None:
    term, fraction, note = first_term(date(2026, 12, 2))
    assert (term.name, fraction) == ("Spring 2027", 1.0)
    assert "Autumn 2026 is nearly over" in note and "starts at Spring 2027" in note
    f = forecast(date(2026, 12, 2), load_areas(), load_events(), area_code="E06000021")[0]
    assert f.terms[0].term == "Spring 2027" and note in f.explanation


def test_the_spring_term_is_nearly_over_shortly_before_easter() -> None:
    term, _, note = first_term(date(2026, 3, 16))  # Good Friday 2026 is 3 April
    assert term.name == "Summer 2026" and "the Easter holidays begin on 3 April 2026" in note
    term, fraction, _ = first_term(date(2026, 2, 2))
    assert term.name == "Spring 2026" and 0.4 < fraction < 0.6


def test_early_in_a_term_its_chance_is_pro_rated_to_the_part_not_yet_announced() -> None:
    term, fraction, note = first_term(date(2025, 9, 1))
    assert term.name == "Autumn 2025" and 0.85 < fraction < 0.9
    assert "15 September 2025" in note and "pro-rated" in note
    whole = forecast(date(2025, 8, 31), load_areas(), load_events(), start_term=term)
    part = forecast(date(2025, 9, 1), load_areas(), load_events())
    assert sum(f.terms[0].full for f in part) < sum(f.terms[0].full for f in whole)


@pytest.mark.parametrize("as_of", [date(2024, 6, 1), date(2025, 9, 1), date(2026, 12, 2)])
def test_one_monitoring_inspections_chances_add_up_to_at_most_one(as_of: date) -> None:
    for f in forecast(as_of, load_areas(), load_events()):
        assert sum(t.monitoring for t in f.terms) <= 1.0001
        assert sum(t.full for t in f.terms) <= 1.0001


@pytest.mark.parametrize("as_of", [date(2025, 9, 1), date(2026, 12, 2)])
def test_the_explanation_agrees_with_the_numbers(as_of: date) -> None:
    for f in forecast(as_of, load_areas(), load_events()):
        text = " | ".join(f.explanation)
        if f.expected:
            assert f"most likely term: {f.most_likely.term}" in text and "not expected" not in text
        else:
            assert "not expected in the next 6 terms" in text and "most likely term" not in text
            assert f.most_likely_words == "Not expected in the next 6 terms"


def test_only_reasons_that_apply_to_the_area_are_given() -> None:
    dorset = forecast(date(2025, 9, 1), load_areas(), load_events(), area_code="E06000059")[0]
    text = " | ".join(dorset.explanation)
    assert "not yet inspected under the 2023 framework" not in text and "monitoring" not in text
    assert "due about 5 years after the report, around May 2029, after the 6 terms shown" in text
    waiting = forecast(date(2025, 9, 1), load_areas(), load_events(), area_code="E08000003")[
        0
    ]  # Manchester
    assert any(
        line.startswith("not yet inspected under the 2023 framework")
        for line in waiting.explanation
    )


def test_the_last_inspection_is_the_last_full_one_and_a_revisit_is_shown_beside_it() -> None:
    # Birmingham: full inspection started 25 June 2018 (written statement of action), re-visit 24 May 2021.
    f = forecast(date(2022, 12, 1), load_areas(), load_events(), area_code="E08000025")[0]
    assert f.last_inspection.start_date == date(2018, 6, 25) and f.last_inspection.kind == "full"
    assert [(v.kind, v.start_date) for v in f.later_visits] == [("revisit", date(2021, 5, 24))]
    assert any("is not a new inspection" in line for line in f.explanation)
    row = next(
        r
        for r in regional_table(
            date(2022, 12, 1), load_areas(), load_events(), region="West Midlands"
        )
        if r.area_code == "E08000025"
    )
    assert row.last_inspection_date == date(2018, 6, 25) and row.time_since == "4 years 5 months"
    assert row.later_visit.startswith("re-visit started 24 May 2021")


def test_a_forecast_says_how_new_its_history_is_and_when_it_is_out_of_date() -> None:
    events = load_events()
    assert not freshness(events, date(2025, 9, 1)).stale
    old = freshness(events, date(2026, 12, 2))
    assert old.stale and old.newest == date(2025, 7, 14)
    assert "14 July 2025" in old.sentence and "import" in old.warning
    f = forecast(date(2026, 12, 2), load_areas(), events, area_code="E06000021")[0]
    assert any("out of date" in line for line in f.explanation)


def test_an_areas_own_recorded_inspection_does_not_make_an_old_national_history_look_new() -> None:
    from sendready.domain.forecasting.forecast import blend_weight, known_on
    from sendready.domain.history.events import RECORDED_SOURCE, HistoryEvent

    events = load_events()
    own = HistoryEvent(
        "E06000021",
        "Stoke-on-Trent",
        "2023",
        "full",
        date(2026, 10, 5),
        date(2026, 11, 20),
        "POSITIVE",
        source=RECORDED_SOURCE,
    )
    as_of = date(2026, 12, 2)
    assert freshness(events + [own], as_of) == freshness(events, as_of)
    assert freshness(events + [own], as_of).stale
    areas = load_areas()
    assert blend_weight(as_of, areas, known_on(events + [own], as_of)) == blend_weight(
        as_of, areas, events
    )
    f = forecast(as_of, areas, events + [own], area_code="E06000021")[0]
    assert f.last_inspection.start_date == date(
        2026, 10, 5
    )  # the area's own record still counts for the area
