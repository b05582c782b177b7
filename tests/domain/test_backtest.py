"""Replaying 2023-2025 term by term against the seed's one-per-region rule and a random guess."""

from datetime import date

from sendready.domain.backtest import backtest
from sendready.domain.history import load_areas, load_events


def test_the_forecast_beats_the_seed_rule_on_brier_score_since_2023() -> None:
    result = backtest(load_events(), load_areas(), date(2023, 1, 1), date(2025, 8, 31))
    assert len(result.terms) == 8
    assert result.overall["model"].brier < result.overall["seed_rule"].brier
    assert result.overall["model"].brier < result.overall["random"].brier


def test_the_forecast_beats_the_seed_rule_on_hit_rate_since_2023() -> None:
    result = backtest(load_events(), load_areas(), date(2023, 1, 1), date(2025, 8, 31))
    assert result.overall["model"].hit_rate > result.overall["seed_rule"].hit_rate
    assert result.overall["model"].hit_rate > result.overall["random"].hit_rate


def test_spring_2023_counts_the_eight_inspections_that_started_that_term() -> None:
    result = backtest(load_events(), load_areas(), date(2023, 1, 1), date(2023, 3, 31))
    assert len(result.terms[0].inspected) == 8
    assert sum(b.count for b in result.terms[0].scores["model"].calibration) == 153
