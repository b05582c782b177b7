"""Replay history term by term and score the forecast against three simple baselines, one kind at a time.

As of the day before each term (knowing only events that started by then, and outcomes published by then), each
method gives every current area a chance of an event of the scored kind ('full', 'monitoring', 'revisit', or
'any' of them) starting in that term. Nothing is fitted on the term being scored: the forecast's own blend weight
is chosen on earlier terms only (rolling origin). Scores: top-k hit rate (k = areas actually inspected that term;
hits / k), Brier score (mean (p - outcome)^2 over all areas), log loss (mean -log of the chance given to what
happened, p clipped to [0.001, 0.999]) and a calibration table. Baselines (forecast_baselines): seed_rule, random,
pool.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sendready.domain.forecasting.baselines import (
    KINDS,
    inspected_in,
    log_loss,
    pool_chances,
    random_chances,
    seed_rule,
)
from sendready.domain.forecasting.forecast import TermForecast, forecast, known_on
from sendready.domain.forecasting.terms import load_rules, terms_between
from sendready.domain.history.events import Area, HistoryEvent

__all__ = [
    "KINDS",
    "BACKTEST_KINDS",
    "METHODS",
    "BacktestResult",
    "Score",
    "backtest",
    "default_range",
    "seed_rule",
]
METHODS = ("model", "seed_rule", "random", "pool")
BACKTEST_KINDS = {
    "full": "Full inspections",
    "monitoring": "Monitoring inspections",
    "revisit": "Re-visits",
    "any": "Any inspection",
}
DEFAULT_FROM = date(2023, 1, 1)
DEFAULT_TO = date(2025, 8, 31)  # the last date of the shipped inspection history
# Re-visits belong to the 2016 framework: they ran from December 2018 and the shipped data holds them to August 2022.
REVISIT_FROM, REVISIT_TO = date(2018, 12, 1), date(2022, 8, 31)


def default_range(kind: str) -> tuple[date, date]:
    """The terms replayed by default for a kind (the command's and the page's default)."""
    return (REVISIT_FROM, REVISIT_TO) if kind == "revisit" else (DEFAULT_FROM, DEFAULT_TO)


@dataclass(frozen=True)
class CalibrationBin:
    """Forecasts whose probability fell in [low, high): their mean and the observed frequency."""

    low: float
    high: float
    count: int
    predicted_mean: float
    observed_frequency: float


@dataclass
class Score:
    """Hit rate, Brier score, log loss and calibration of one method over one or more terms."""

    hits: int
    k: int
    brier: float
    n: int
    log_loss: float = 0.0
    calibration: list[CalibrationBin] = field(default_factory=list)

    @property
    def hit_rate(self) -> float:
        """Hits among the top-k divided by k."""
        return self.hits / self.k if self.k else 0.0


@dataclass
class TermResult:
    """One replayed term: what happened and each method's score."""

    term: str
    start: date
    inspected: list[str]
    scores: dict[str, Score]


@dataclass
class BacktestResult:
    """Per-term results and the overall score of each method, for one kind of inspection."""

    terms: list[TermResult]
    overall: dict[str, Score]
    kind: str = "full"

    def summary(self) -> str:
        """Overall figures as text."""
        return "\n".join(
            f"{m}: hit rate {s.hit_rate:.3f} ({s.hits}/{s.k}), Brier {s.brier:.4f}, "
            f"log loss {s.log_loss:.4f}"
            for m, s in self.overall.items()
        )

    @property
    def best_baseline(self) -> str:
        """The baseline with the lowest Brier score."""
        return min((m for m in self.overall if m != "model"), key=lambda m: self.overall[m].brier)


def _calibration(pairs: list[tuple[float, bool]], bins: list[float]) -> list[CalibrationBin]:
    out = []
    for i, (low, high) in enumerate(zip(bins, bins[1:])):
        last = i == len(bins) - 2
        chosen = [(p, o) for p, o in pairs if low <= p < high or (last and p == high)]
        if chosen:
            out.append(
                CalibrationBin(
                    low,
                    high,
                    len(chosen),
                    sum(p for p, _ in chosen) / len(chosen),
                    sum(o for _, o in chosen) / len(chosen),
                )
            )
        else:
            out.append(CalibrationBin(low, high, 0, 0.0, 0.0))
    return out


def _score(pairs: list[tuple[float, bool]], hits: int, k: int, rules: dict) -> Score:
    n = max(1, len(pairs))
    return Score(
        hits,
        k,
        sum((p - o) ** 2 for p, o in pairs) / n,
        len(pairs),
        sum(log_loss(p, o, rules["log_loss_clip"]) for p, o in pairs) / n,
        _calibration(pairs, rules["backtest_bins"]),
    )


def _chance(t: TermForecast, kind: str) -> float:
    return t.total if kind == "any" else getattr(t, kind)


def backtest(
    events: list[HistoryEvent],
    areas: list[Area],
    from_date: date,
    to_date: date,
    kind: str = "full",
) -> BacktestResult:
    """Replay each term from from_date to to_date and score the model and the three baselines on `kind`."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    rules = load_rules()
    current = sorted(a.code for a in areas if a.is_current)
    results: list[TermResult] = []
    pooled: dict[str, tuple[list, int, int]] = {m: ([], 0, 0) for m in METHODS}
    for index, term in enumerate(terms_between(from_date, to_date)):
        cutoff = term.start - timedelta(
            days=1
        )  # nothing that starts on the term's first day is known
        known = known_on(events, cutoff)
        actual = inspected_in(term, events, areas, kind)
        model = {
            f.area_code: _chance(f.terms[0], kind)
            for f in forecast(cutoff, areas, events, start_term=term, n_terms=1)
        }
        seed_p, seed_rank = seed_rule(known, areas)
        shuffled = current[:]
        random.Random(rules["random_seed"] + index).shuffle(shuffled)
        pool = pool_chances(known, areas, term, kind, rules)
        methods = {
            "model": (model, sorted(current, key=lambda c: -model[c])),
            "seed_rule": (seed_p, seed_rank),
            "random": (random_chances(known, areas, term, kind, rules), shuffled),
            "pool": (pool, sorted(shuffled, key=lambda c: -pool[c])),
        }  # ties broken at random
        scores = {}
        for method, (chances, ranking) in methods.items():
            pairs = [(chances[c], c in actual) for c in current]
            hits = len(set(ranking[: len(actual)]) & actual)
            scores[method] = _score(pairs, hits, len(actual), rules)
            all_pairs, all_hits, all_k = pooled[method]
            pooled[method] = (all_pairs + pairs, all_hits + hits, all_k + len(actual))
        results.append(TermResult(term.name, term.start, sorted(actual), scores))
    overall = {m: _score(pairs, h, k, rules) for m, (pairs, h, k) in pooled.items()}
    return BacktestResult(results, overall, kind)
