"""Rates behind the forecast: what was known on a date, observed counts per term, and sharing an expected
national count out across regions and areas."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta

from sendready.domain.forecasting.terms import Term, term_of
from sendready.domain.history.events import Area, HistoryEvent, newest_national


def known_on(events: list[HistoryEvent], cutoff: date) -> list[HistoryEvent]:
    """Events known on `cutoff`: started (or published, if start unknown) on or before it; outcomes only
    if published by then."""
    out = []
    for e in events:
        if e.ordering_date <= cutoff:
            published = (
                e.publication_date if e.publication_date and e.publication_date <= cutoff else None
            )
            out.append(e if published else _unpublished(e))
    return out


def _unpublished(e: HistoryEvent) -> HistoryEvent:
    return replace(e, publication_date=None, outcome=None, outcome_text="")


def era_of(term: Term, rules: dict) -> str:
    return "2023" if term.start >= date.fromisoformat(rules["framework_2023_start"]) else "2016"


def cycle_end(era: str, rules: dict) -> date:
    if era == "2023":
        return date.fromisoformat(rules["first_cycle_end"])
    start = date.fromisoformat(rules["framework_2016_start"])
    return start.replace(year=start.year + rules["max_years_between_full"])


def observed_counts(
    known: list[HistoryEvent], areas: list[Area], era: str, before: date, rules: dict
) -> list[tuple[Term, int, dict[str, int]]]:
    """Full inspections of a framework per complete term before `before`: (term, total, {ONS region: n})."""
    region_of = {a.code: a.region for a in areas}
    start = date.fromisoformat(
        rules["framework_2023_start" if era == "2023" else "framework_2016_start"]
    )
    out: list[tuple[Term, int, dict[str, int]]] = []
    term = term_of(start)
    while term.end <= before:
        regions: dict[str, int] = {}
        for e in known:
            if e.framework == era and e.kind == "full" and term.contains(e.ordering_date):
                key = region_of.get(e.area_code, "")
                regions[key] = regions.get(key, 0) + 1
        out.append((term, sum(regions.values()), regions))
        term = term.next()
    return out


def _normal_mass(lo: float, hi: float, mean: float, sd: float) -> float:
    def cdf(x: float) -> float:
        return 0.5 * (1 + math.erf((x - mean) / (sd * math.sqrt(2))))

    return max(0.0, cdf(hi) - cdf(lo))


def due_masses(
    due: date,
    spread_months: float,
    terms: list[Term],
    cutoff: date,
    floor: float,
    active: list[tuple[date, date]] | None = None,
) -> list[float]:
    """Per-term probability of one event expected around `due`, given it has not happened by `cutoff`.

    Only the part of each term after `cutoff` counts, so the chances of the one event add up to at most 1."""
    sd = spread_months * 30.4375

    def x(d: date) -> float:
        return float((d - due).days)

    masses = []
    after = cutoff + timedelta(days=1)
    for t in terms:
        start = max(t.start, after)
        if start >= t.end:
            masses.append(0.0)
            continue
        share = 1.0
        if active is not None:
            days = sum(max(0, (min(t.end, b) - max(start, a)).days) for a, b in active)
            share = days / (t.end - start).days
        masses.append(_normal_mass(x(start), x(t.end), 0.0, sd) * share)
    remaining = _normal_mass(x(after), math.inf, 0.0, sd)
    chances = [min(0.95, m / max(remaining, floor)) for m in masses]
    total = sum(chances)
    return [c / total for c in chances] if total > 1 else chances


def _observed_until(known: list[HistoryEvent], cutoff: date) -> date:
    """The day after the last term the history covers: terms after the newest known event are not
    counted as terms with no inspections (the history may simply not be up to date)."""
    newest = newest_national(known) or cutoff
    return min(cutoff, term_of(newest).end) + timedelta(days=1)


def national_rate(
    known: list[HistoryEvent],
    areas: list[Area],
    era: str,
    cutoff: date,
    rules: dict,
    pool: float,
    term: Term,
) -> tuple[float, dict[str, float], str]:
    """Expected full inspections in `term` nationally, recent regional rates, and how it was worked out."""
    history = observed_counts(known, areas, era, _observed_until(known, cutoff), rules)
    window = history[-rules["rate_window_terms"] :]
    end = cycle_end(era, rules)
    terms_left = 0
    t = term
    while t.start <= end:
        terms_left, t = terms_left + 1, t.next()
    needed = pool / terms_left if terms_left else 0.0
    regional: dict[str, float] = {}
    if len(history) >= rules["min_terms_for_observed_rate"]:
        rate = sum(total for _, total, _ in window) / len(window)
        how = f"{rate:.1f} full inspections a term nationally over the last {len(window)} terms"
        for _, _, regions in window:
            for region, n in regions.items():
                regional[region] = regional.get(region, 0.0) + n / len(window)
    else:
        rate = needed
        how = f"{rate:.1f} full inspections a term, the pace that inspects every remaining area by {end:%B %Y}"
    if needed > rate:
        how += f", raised to {needed:.1f}, the pace needed to finish the cycle by {end:%B %Y}"
        rate = needed
    return rate, regional, how


def allocate(
    states: list,
    weights: dict[str, float],
    survival: dict[str, float],
    national: float,
    regional: dict[str, float],
    rules: dict,
    in_pool: set[str] | None = None,
) -> dict[str, float]:
    """Share `national` across regions, then areas; return each area's hazard for the term.

    A region's share follows how many of its areas are still to be inspected in the cycle (every
    area must be inspected by its end), or, outside a cycle, the areas' timing weights."""
    by_region: dict[str, list] = {}
    for s in states:
        by_region.setdefault(s.area.region, []).append(s)
    if in_pool and rules["region_share_basis"] == "remaining_pool":
        mass = {
            r: sum(survival[s.area.code] for s in group if s.area.code in in_pool)
            for r, group in by_region.items()
        }
    else:
        mass = {
            r: sum(survival[s.area.code] * weights[s.area.code] for s in group)
            for r, group in by_region.items()
        }
    total_mass, total_rate = sum(mass.values()), sum(regional.values())
    beta = rules["regional_rate_weight"] if total_rate else 0.0
    hazard: dict[str, float] = {}
    for region, group in by_region.items():
        share = mass[region] / total_mass if total_mass else 0.0
        expected = national * (
            (1 - beta) * share + (beta * regional.get(region, 0.0) / total_rate if beta else 0)
        )
        spread = _spread(group, weights, survival, expected, rules["max_hazard_per_term"])
        mix = rules["queue_share"]
        if mix:
            queue = _queue(group, weights, survival, expected, rules["max_hazard_per_term"])
            spread = {c: mix * queue[c] + (1 - mix) * spread[c] for c in spread}
        hazard.update(spread)
    return hazard


def _queue(
    group: list, weights: dict[str, float], survival: dict[str, float], expected: float, cap: float
) -> dict[str, float]:
    """Hazards that fill a region's expected count in priority order, as a queue is worked through."""
    hazard = {s.area.code: 0.0 for s in group}
    left = expected
    for s in sorted(group, key=lambda s: -weights[s.area.code]):
        code = s.area.code
        if left <= 1e-12 or survival[code] <= 0 or weights[code] <= 0:
            continue
        hazard[code] = min(cap, left / survival[code])
        left -= survival[code] * hazard[code]
    return hazard


def _spread(
    group: list, weights: dict[str, float], survival: dict[str, float], expected: float, cap: float
) -> dict[str, float]:
    """Hazards proportional to weight, capped, with sum(survival * hazard) equal to `expected` where possible."""
    codes = [s.area.code for s in group]
    hazard = dict.fromkeys(codes, 0.0)
    free, left = set(codes), expected
    for _ in range(5):  # capped areas hand their excess to the others
        denominator = sum(survival[c] * weights[c] for c in free)
        if denominator <= 0 or left <= 1e-12:
            break
        scale = left / denominator
        capped = {c for c in free if scale * weights[c] >= cap}
        for c in free:
            hazard[c] = min(cap, scale * weights[c])
        if not capped:
            break
        free -= capped
        left = expected - sum(survival[c] * hazard[c] for c in codes if c not in free)
    return hazard
