"""Replay history term by term and score the forecast against two baselines.

As of the first day of each term (knowing only events that started before it), each method gives every
current area a probability of an inspection (full, monitoring or re-visit) starting in that term. Scores:
top-k hit rate (k = areas actually inspected that term; hits / k), Brier score (mean (p - outcome)^2 over all
areas) and a calibration table. Baselines:
- seed_rule: in each ONS region, the area with the longest time since its last full inspection gets the next
  one (p = 1, else 0); its top-k list takes each region's first pick, then each region's second, and so on.
- The shipped data holds no monitoring inspections, so only kinds that occur in `events` are scored.
- random: p = k_expected / areas for everyone, k_expected being the mean number of areas inspected per term over
  the previous three terms; its top-k is a seeded random pick (seed in forecast_rules.json).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sendready.domain.forecast import TermForecast, forecast
from sendready.domain.forecast import known_on as _known
from sendready.domain.history import Area, InspectionEvent, history_for_current_areas
from sendready.domain.terms import Term, load_rules, terms_between

METHODS = ("model", "seed_rule", "random")


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
    """Hit rate, Brier score and calibration of one method over one or more terms."""

    hits: int
    k: int
    brier: float
    n: int
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
    """Per-term results and the overall score of each method."""

    terms: list[TermResult]
    overall: dict[str, Score]

    def summary(self) -> str:
        """Overall figures as text."""
        return "\n".join(f"{m}: hit rate {s.hit_rate:.3f} ({s.hits}/{s.k}), Brier {s.brier:.4f}"
                         for m, s in self.overall.items())


def _score(probabilities: dict[str, float], ranking: list[str], actual: set[str]) -> tuple[int, float, list]:
    k = len(actual)
    hits = len(set(ranking[:k]) & actual)
    pairs = [(p, 1.0 if code in actual else 0.0) for code, p in probabilities.items()]
    return hits, sum((p - o) ** 2 for p, o in pairs), pairs


def _calibration(pairs: list[tuple[float, float]], bins: list[float]) -> list[CalibrationBin]:
    out = []
    for i, (low, high) in enumerate(zip(bins, bins[1:])):
        last = i == len(bins) - 2
        chosen = [(p, o) for p, o in pairs if low <= p < high or (last and p == high)]
        if chosen:
            out.append(CalibrationBin(low, high, len(chosen), sum(p for p, _ in chosen) / len(chosen),
                                      sum(o for _, o in chosen) / len(chosen)))
        else:
            out.append(CalibrationBin(low, high, 0, 0.0, 0.0))
    return out


def seed_rule(known: list[InspectionEvent], areas: list[Area]) -> tuple[dict[str, float], list[str]]:
    """The seed's rule: per ONS region, the longest-waiting area since its last full inspection gets p = 1."""
    current = [a for a in areas if a.is_current]
    last: dict[str, date] = {}
    for e in history_for_current_areas(known, areas):
        if e.kind == "full":
            last[e.area_code] = max(last.get(e.area_code, date.min), e.ordering_date)
    queues: dict[str, list[str]] = {}
    for a in sorted(current, key=lambda a: (last.get(a.code, date.min), a.code)):
        queues.setdefault(a.region, []).append(a.code)
    ranking: list[str] = []
    depth = 0
    while len(ranking) < len(current):
        ranking += [q[depth] for q in sorted(queues.values(), key=lambda q: last.get(q[0], date.min))
                    if depth < len(q)]
        depth += 1
    firsts = {q[0] for q in queues.values()}
    return {a.code: 1.0 if a.code in firsts else 0.0 for a in current}, ranking


def _probability(t: TermForecast, kinds: set[str]) -> float:
    """Probability of at least one event of the scored kinds."""
    miss = 1.0
    for kind in kinds:
        miss *= 1 - getattr(t, kind)
    return 1 - miss


def _inspected_in(term: Term, events: list[InspectionEvent], areas: list[Area]) -> set[str]:
    current = {a.code for a in areas if a.is_current}
    return {e.area_code for e in history_for_current_areas(events, areas)
            if term.contains(e.ordering_date) and e.area_code in current}


def backtest(events: list[InspectionEvent], areas: list[Area], from_date: date, to_date: date) -> BacktestResult:
    """Replay each term from from_date to to_date and score the model, the seed's rule and a random guess."""
    rules = load_rules()
    kinds = {e.kind for e in events}  # a kind the data never records (monitoring, so far) cannot be scored
    events = [e for e in events if e.kind in kinds]
    current = sorted(a.code for a in areas if a.is_current)
    results: list[TermResult] = []
    pooled = {m: ([], 0, 0) for m in METHODS}
    for index, term in enumerate(terms_between(from_date, to_date)):
        cutoff = term.start - timedelta(days=1)  # nothing that starts on the term's first day is known
        known = _known(events, cutoff)
        actual = _inspected_in(term, events, areas)
        model = {f.area_code: _probability(f.terms[0], kinds)
                 for f in forecast(cutoff, areas, events, start_term=term, n_terms=1)}
        model_rank = sorted(current, key=lambda c: -model[c])
        seed_p, seed_rank = seed_rule(known, areas)
        previous = [term]
        for _ in range(3):
            previous.append(previous[-1].previous())
        counts = [len(_inspected_in(t, known, areas)) for t in previous[1:]]
        expected = sum(counts) / len(counts)
        uniform = {c: min(1.0, expected / len(current)) for c in current}
        shuffled = current[:]
        random.Random(rules["random_seed"] + index).shuffle(shuffled)
        scores = {}
        for method, (probabilities, ranking) in {"model": (model, model_rank), "seed_rule": (seed_p, seed_rank),
                                                  "random": (uniform, shuffled)}.items():
            hits, squared, pairs = _score(probabilities, ranking, actual)
            scores[method] = Score(hits, len(actual), squared / len(pairs), len(pairs),
                                   _calibration(pairs, rules["backtest_bins"]))
            all_pairs, all_hits, all_k = pooled[method]
            pooled[method] = (all_pairs + pairs, all_hits + hits, all_k + len(actual))
        results.append(TermResult(term.name, term.start, sorted(actual), scores))
    overall = {m: Score(h, k, sum((p - o) ** 2 for p, o in pairs) / max(1, len(pairs)), len(pairs),
                        _calibration(pairs, rules["backtest_bins"])) for m, (pairs, h, k) in pooled.items()}
    return BacktestResult(results, overall)
