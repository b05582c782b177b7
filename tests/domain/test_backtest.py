"""Replaying 2023-2025 term by term against the seed's rule, a random guess and the not-yet-inspected pool."""

from datetime import date

import pytest

from sendready.domain.forecasting.backtest import backtest
from sendready.domain.history.events import load_areas, load_events


@pytest.fixture(scope="module")
def full_2023() -> object:
    return backtest(load_events(), load_areas(), date(2023, 1, 1), date(2025, 8, 31))


def test_the_forecast_beats_the_seed_rule_on_brier_score_since_2023(full_2023) -> None:
    assert len(full_2023.terms) == 8
    assert full_2023.overall["model"].brier < full_2023.overall["seed_rule"].brier
    assert full_2023.overall["model"].brier < full_2023.overall["random"].brier


def test_the_forecast_beats_the_seed_rule_on_hit_rate_since_2023(full_2023) -> None:
    assert full_2023.overall["model"].hit_rate > full_2023.overall["seed_rule"].hit_rate
    assert full_2023.overall["model"].hit_rate > full_2023.overall["random"].hit_rate


def test_out_of_sample_the_forecast_is_at_least_as_good_as_the_best_simple_baseline(
    full_2023,
) -> None:
    best = full_2023.best_baseline
    assert best == "pool"
    assert full_2023.overall["model"].brier <= full_2023.overall[best].brier
    assert full_2023.overall["model"].log_loss <= min(
        s.log_loss for m, s in full_2023.overall.items() if m != "model"
    )


def test_every_method_is_scored_on_the_same_area_terms(full_2023) -> None:
    for score in full_2023.overall.values():
        assert (score.n, score.k) == (8 * 153, 72)


def test_spring_2023_counts_the_eight_inspections_that_started_that_term() -> None:
    result = backtest(load_events(), load_areas(), date(2023, 1, 1), date(2023, 3, 31))
    assert len(result.terms[0].inspected) == 8
    assert sum(b.count for b in result.terms[0].scores["model"].calibration) == 153


def test_each_kind_is_scored_on_its_own() -> None:
    revisits = backtest(
        load_events(), load_areas(), date(2021, 4, 1), date(2022, 8, 31), kind="revisit"
    )
    assert revisits.kind == "revisit" and revisits.overall["model"].k > 0
    full = backtest(load_events(), load_areas(), date(2021, 4, 1), date(2022, 8, 31), kind="full")
    assert full.overall["model"].k != revisits.overall["model"].k
    with pytest.raises(ValueError, match="unknown kind"):
        backtest(load_events(), load_areas(), date(2023, 1, 1), date(2023, 3, 31), kind="thematic")


def test_revisits_out_of_sample_beat_every_baseline_on_both_scores() -> None:
    result = backtest(
        load_events(), load_areas(), date(2018, 12, 1), date(2022, 8, 31), kind="revisit"
    )
    model = result.overall["model"]
    for name, score in result.overall.items():
        if name != "model":
            assert model.brier <= score.brier and model.log_loss <= score.log_loss, name
