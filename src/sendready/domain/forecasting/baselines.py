"""The simple guesses the forecast must beat, per kind of inspection, from what was known before a term.

- seed_rule: in each ONS region, the area longest since its last full inspection gets p = 1, others 0.
- random: every current area gets the recent national pace (mean areas inspected per term over the three terms
  before) divided by the number of areas.
- pool: full inspections are spread evenly over the areas not yet inspected in the current cycle, at the pace
  that finishes the cycle on time (1 / terms left, each term); a monitoring inspection evenly over the 18 months
  after a 'widespread and/or systemic failings' report; a re-visit evenly over the terms left for re-visits,
  among areas that needed a written statement of action and have not been re-visited.
"""

from __future__ import annotations

import math
from datetime import date

from sendready.domain.forecasting.rates import cycle_end, era_of
from sendready.domain.forecasting.terms import Term
from sendready.domain.history.events import Area, HistoryEvent, history_for_current_areas

KINDS = ("full", "monitoring", "revisit", "any")
EVENT_KINDS = ("full", "monitoring", "revisit")


def _current(areas: list[Area]) -> list[str]:
    return sorted(a.code for a in areas if a.is_current)


def terms_left(term: Term, end: date) -> int:
    """Terms from `term` up to and including the one containing `end` (at least 1)."""
    n, t = 0, term
    while t.start <= end:
        n, t = n + 1, t.next()
    return max(1, n)


def full_pool(known: list[HistoryEvent], areas: list[Area], era: str) -> set[str]:
    """Current areas with no full inspection under the `era` framework in what is known."""
    done = {
        e.area_code
        for e in history_for_current_areas(known, areas)
        if e.framework == era and e.kind == "full"
    }
    return {c for c in _current(areas) if c not in done}


def inspected_in(term: Term, events: list[HistoryEvent], areas: list[Area], kind: str) -> set[str]:
    """Current areas with an event of `kind` ('any' for every kind) starting in `term`."""
    current = set(_current(areas))
    return {
        e.area_code
        for e in history_for_current_areas(events, areas)
        if (kind == "any" or e.kind == kind)
        and term.contains(e.ordering_date)
        and e.area_code in current
    }


def _combine(parts: list[dict[str, float]]) -> dict[str, float]:
    out = {}
    for code in parts[0]:
        miss = 1.0
        for p in parts:
            miss *= 1 - p[code]
        out[code] = 1 - miss
    return out


def pool_chances(
    known: list[HistoryEvent], areas: list[Area], term: Term, kind: str, rules: dict
) -> dict[str, float]:
    """The 'pool' baseline: each current area's chance of an event of `kind` starting in `term`."""
    if kind == "any":
        return _combine([pool_chances(known, areas, term, k, rules) for k in EVENT_KINDS])
    current = _current(areas)
    if kind == "full":
        era = era_of(term, rules)
        waiting = full_pool(known, areas, era)
        p = 1 / terms_left(term, cycle_end(era, rules))
        return {c: p if c in waiting else 0.0 for c in current}
    history = sorted(history_for_current_areas(known, areas), key=lambda e: e.ordering_date)
    if kind == "monitoring":
        waiting = set()
        for e in history:
            if e.framework == "2023" and e.kind == "full":
                waiting.discard(e.area_code)
                if e.outcome == "SYSTEMIC":
                    waiting.add(e.area_code)
            elif e.kind == "monitoring":
                waiting.discard(e.area_code)
        p = min(1.0, (term.end - term.start).days / (rules["monitoring_pool_months"] * 30.4375))
        return {c: p if c in waiting else 0.0 for c in current}
    active = [(date.fromisoformat(a), date.fromisoformat(b)) for a, b in rules["revisits_active"]]
    if not any(a < term.end and term.start <= b for a, b in active):
        return dict.fromkeys(current, 0.0)
    wsoa = {
        e.area_code
        for e in history
        if e.framework == "2016" and e.kind == "full" and e.outcome == "WSOA"
    }
    waiting = wsoa - {e.area_code for e in history if e.kind == "revisit"}
    p = 1 / terms_left(term, active[-1][1])
    return {c: p if c in waiting else 0.0 for c in current}


def random_chances(
    known: list[HistoryEvent], areas: list[Area], term: Term, kind: str, rules: dict
) -> dict[str, float]:
    """The 'random' baseline: the recent national pace of `kind`, the same for every current area."""
    current = _current(areas)
    previous, counts = term, []
    for _ in range(rules["random_window_terms"]):
        previous = previous.previous()
        counts.append(len(inspected_in(previous, known, areas, kind)))
    p = min(1.0, sum(counts) / len(counts) / len(current))
    return dict.fromkeys(current, p)


def seed_rule(known: list[HistoryEvent], areas: list[Area]) -> tuple[dict[str, float], list[str]]:
    """The seed's rule: per ONS region, the longest-waiting area since its last full inspection gets p = 1.
    Its ranking takes each region's first pick, then each region's second, and so on."""
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
        ranking += [
            q[depth]
            for q in sorted(queues.values(), key=lambda q: last.get(q[0], date.min))
            if depth < len(q)
        ]
        depth += 1
    firsts = {q[0] for q in queues.values()}
    return {a.code: 1.0 if a.code in firsts else 0.0 for a in current}, ranking


def log_loss(p: float, outcome: bool, clip: float) -> float:
    """Minus the log of the chance given to what happened, with p clipped to [clip, 1 - clip]."""
    p = min(max(p, clip), 1 - clip)
    return -math.log(p if outcome else 1 - p)
