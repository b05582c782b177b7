"""'When will we be inspected?': a per-term hazard model built from the framework's rules and observed rates.

For full inspections, each term's national expected count (recent observed rate in the same framework, or the
pace needed to finish the first cycle) is shared out across regions and then across areas by priority weights:
an area's weight doubles for every year it is past its due date (last full inspection + the rule interval).
Probabilities over the six terms follow a survival process: once an area has probably been inspected it is
unlikely to be inspected again soon. Monitoring inspections and 2016 re-visits follow their own due dates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from sendready.domain.history import (
    KIND_WORDS,
    OUTCOME_WORDS,
    Area,
    InspectionEvent,
    history_for_current_areas,
)
from sendready.domain.terms import (
    Term,
    add_months,
    describe_interval,
    load_rules,
    term_of,
)

_YEAR = 365.25


@dataclass(frozen=True)
class LastInspection:
    """The latest inspection event known on the forecast date; outcome None until published."""

    start_date: date | None
    publication_date: date | None
    kind: str
    framework: str
    outcome: str | None

    @property
    def date(self) -> date:
        """Start date, or publication date when the start is unknown."""
        return self.start_date or self.publication_date  # type: ignore[return-value]

    @property
    def description(self) -> str:
        """E.g. 'full inspection under the 2016 framework (written statement of action required)'."""
        words = OUTCOME_WORDS.get(self.outcome or "", "outcome not yet published")
        return f"{KIND_WORDS[self.kind]} under the {self.framework} framework ({words})"


@dataclass(frozen=True)
class TermForecast:
    """Probability that an inspection of each kind starts in one term, and of any inspection."""

    term: str
    start: date
    full: float
    monitoring: float
    revisit: float

    @property
    def total(self) -> float:
        """Probability of at least one inspection event starting in the term."""
        return 1 - (1 - self.full) * (1 - self.monitoring) * (1 - self.revisit)


@dataclass
class AreaForecast:
    """One area's forecast over the coming terms, with the reasons in words."""

    area_code: str
    area_name: str
    region: str
    ofsted_region: str
    last_inspection: LastInspection | None
    terms: list[TermForecast]
    explanation: list[str] = field(default_factory=list)

    @property
    def most_likely(self) -> TermForecast:
        """The term with the highest total probability."""
        return max(self.terms, key=lambda t: t.total)


def _known(events: list[InspectionEvent], cutoff: date) -> list[InspectionEvent]:
    """Events known on `cutoff`: started (or published, if start unknown) on or before it; outcomes only
    if published by then."""
    out = []
    for e in events:
        if e.ordering_date <= cutoff:
            published = e.publication_date if e.publication_date and e.publication_date <= cutoff else None
            out.append(e if published else _unpublished(e))
    return out


def _unpublished(e: InspectionEvent) -> InspectionEvent:
    from dataclasses import replace
    return replace(e, publication_date=None, outcome=None, outcome_text="")


def _era(term: Term, rules: dict) -> str:
    return "2023" if term.start >= date.fromisoformat(rules["framework_2023_start"]) else "2016"


def _cycle_end(era: str, rules: dict) -> date:
    if era == "2023":
        return date.fromisoformat(rules["first_cycle_end"])
    start = date.fromisoformat(rules["framework_2016_start"])
    return start.replace(year=start.year + rules["max_years_between_full"])


def observed_counts(known: list[InspectionEvent], areas: list[Area], era: str, before: date,
                    rules: dict) -> list[tuple[Term, int, dict[str, int]]]:
    """Full inspections of a framework per complete term before `before`: (term, total, {ONS region: n})."""
    region_of = {a.code: a.region for a in areas}
    start = date.fromisoformat(rules["framework_2023_start" if era == "2023" else "framework_2016_start"])
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
    cdf = lambda x: 0.5 * (1 + math.erf((x - mean) / (sd * math.sqrt(2))))
    return max(0.0, cdf(hi) - cdf(lo))


def _due_masses(due: date, spread_months: float, terms: list[Term], cutoff: date, floor: float,
                active: list[tuple[date, date]] | None = None) -> list[float]:
    """Per-term probability of an event expected around `due`, given it has not happened by `cutoff`."""
    sd = spread_months * 30.4375
    x = lambda d: float((d - due).days)
    masses = []
    for t in terms:
        share = 1.0
        if active is not None:
            days = sum(max(0, (min(t.end, b) - max(t.start, a)).days) for a, b in active)
            share = days / (t.end - t.start).days
        masses.append(_normal_mass(x(t.start), x(t.end), 0.0, sd) * share)
    remaining = _normal_mass(x(cutoff + timedelta(days=1)), math.inf, 0.0, sd)
    return [min(0.95, m / max(remaining, floor)) for m in masses]


@dataclass
class _AreaState:
    area: Area
    last: LastInspection | None = None
    last_full_2016: InspectionEvent | None = None
    last_full_2023: InspectionEvent | None = None
    monitoring_after_2023: bool = False
    revisit_due: date | None = None
    notes: list[str] = field(default_factory=list)


def _states(areas: list[Area], known: list[InspectionEvent], rules: dict, cutoff: date) -> list[_AreaState]:
    states = {a.code: _AreaState(a) for a in areas if a.is_current}
    for e in sorted(history_for_current_areas(known, areas), key=lambda e: e.ordering_date):
        s = states.get(e.area_code)
        if s is None:
            continue
        s.last = LastInspection(e.start_date, e.publication_date, e.kind, e.framework, e.outcome)
        if e.framework == "2016" and e.kind == "full":
            s.last_full_2016 = e
        elif e.framework == "2023" and e.kind == "full":
            s.last_full_2023, s.monitoring_after_2023 = e, False
        elif e.kind == "monitoring":
            s.monitoring_after_2023 = True
    for s in states.values():
        f = s.last_full_2016
        revisited = any(e.kind == "revisit" and e.area_code == s.area.code for e in history_for_current_areas(
            [k for k in known if k.kind == "revisit"], areas))
        if f and f.outcome == "WSOA" and f.publication_date and not revisited and not s.last_full_2023:
            accepted = f.publication_date + timedelta(days=round(rules["wsoa_submission_working_days"] * 7 / 5))
            s.revisit_due = add_months(accepted, rules["revisit_months_after_wsoa_accepted"])
    return list(states.values())


def _full_due(s: _AreaState, rules: dict) -> date:
    """When the next full inspection is due under the 2023 framework's rules."""
    if s.last_full_2023 is not None:
        e = s.last_full_2023
        base = e.publication_date or e.ordering_date
        return add_months(base, 12 * rules["next_full_years"][e.outcome or "UNKNOWN"])
    if s.last_full_2016 is not None:
        return add_months(s.last_full_2016.ordering_date, 12 * rules["max_years_between_full"])
    return date.fromisoformat(rules["framework_2023_start"])


def _national_rate(known: list[InspectionEvent], areas: list[Area], era: str, cutoff: date, rules: dict,
                   pool: float, term: Term) -> tuple[float, dict[str, float], str]:
    """Expected full inspections in `term` nationally, recent regional rates, and how it was worked out."""
    history = observed_counts(known, areas, era, cutoff + timedelta(days=1), rules)
    window = history[-rules["rate_window_terms"]:]
    end = _cycle_end(era, rules)
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


def _allocate(states: list[_AreaState], weights: dict[str, float], survival: dict[str, float], national: float,
              regional: dict[str, float], rules: dict) -> dict[str, float]:
    """Share `national` across regions, then areas; return each area's hazard for the term."""
    by_region: dict[str, list[_AreaState]] = {}
    for s in states:
        by_region.setdefault(s.area.region, []).append(s)
    mass = {r: sum(survival[s.area.code] * weights[s.area.code] for s in group) for r, group in by_region.items()}
    total_mass, total_rate = sum(mass.values()), sum(regional.values())
    beta = rules["regional_rate_weight"] if total_rate else 0.0
    hazard: dict[str, float] = {}
    for region, group in by_region.items():
        share = mass[region] / total_mass if total_mass else 0.0
        expected = national * ((1 - beta) * share + (beta * regional.get(region, 0.0) / total_rate if beta else 0))
        hazard.update(_spread(group, weights, survival, expected, rules["max_hazard_per_term"]))
    return hazard


def _spread(group: list[_AreaState], weights: dict[str, float], survival: dict[str, float], expected: float,
            cap: float) -> dict[str, float]:
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


def forecast(as_of: date, areas: list[Area], events: list[InspectionEvent], region: str | None = None,
             area_code: str | None = None, start_term: Term | None = None,
             n_terms: int | None = None) -> list[AreaForecast]:
    """Forecast, per current area, the chance of each kind of inspection in each of the next terms,
    using only events known on `as_of` (start_term defaults to the term containing as_of)."""
    rules = load_rules()
    known = _known(events, as_of)
    current = [a for a in areas if a.is_current]
    states = _states(areas, known, rules, as_of)
    first = start_term or term_of(as_of)
    terms = [first]
    while len(terms) < (n_terms or rules["forecast_terms"]):
        terms.append(terms[-1].next())
    survival = {s.area.code: 1.0 for s in states}
    full: dict[str, list[float]] = {s.area.code: [] for s in states}
    notes: list[str] = []
    for i, term in enumerate(terms):
        era = _era(term, rules)
        in_pool = {s.area.code for s in states if (s.last_full_2023 if era == "2023" else s.last_full_2016) is None}
        pool = sum(survival[c] for c in in_pool)
        national, regional, how = _national_rate(known, current, era, as_of, rules, pool, term)
        if i == 0:
            already = sum(1 for e in known if e.kind == "full" and e.framework == era and term.contains(e.ordering_date))
            national = max(0.0, national - already)
            notes.append(f"{term.name}: expected {how}")
            notes.append(f"{round(pool)} of {len(current)} areas not yet inspected under the {era} framework")
        weights = {}
        for s in states:
            if era == "2016":
                weights[s.area.code] = 1.0 if s.area.code in in_pool else 0.0
            else:
                past_due = (term.start + (term.end - term.start) / 2 - _full_due(s, rules)).days / _YEAR
                weights[s.area.code] = 2 ** (past_due / rules["overdue_doubling_years"])
        hazard = _allocate(states, weights, survival, national, regional, rules)
        for s in states:
            code = s.area.code
            full[code].append(survival[code] * hazard[code])
            survival[code] *= 1 - hazard[code]
    out = []
    for s in states:
        if (region and region not in (s.area.region, s.area.ofsted_region)) or (area_code and s.area.code != area_code):
            continue
        monitoring, revisit = _monitoring(s, terms, as_of, rules), _revisit(s, terms, as_of, rules)
        rows = [TermForecast(t.name, t.start, round(f, 4), round(m, 4), round(r, 4))
                for t, f, m, r in zip(terms, full[s.area.code], monitoring, revisit)]
        forecast_ = AreaForecast(s.area.code, s.area.name, s.area.region, s.area.ofsted_region, s.last, rows)
        forecast_.explanation = _explain(s, forecast_, as_of, rules) + notes
        out.append(forecast_)
    return out


def _monitoring(s: _AreaState, terms: list[Term], as_of: date, rules: dict) -> list[float]:
    e = s.last_full_2023
    if e is None or e.outcome != "SYSTEMIC" or s.monitoring_after_2023 or e.publication_date is None:
        return [0.0] * len(terms)
    due = add_months(e.publication_date, rules["monitoring_months_after_report"])
    s.notes.append(f"a monitoring inspection is expected around {due:%B %Y}, "
                   f"{rules['monitoring_months_after_report']} months after the report of "
                   f"{e.publication_date:%d %B %Y} found widespread and/or systemic failings"
                   + ("; none is recorded yet, and the data may lack it" if due < as_of else ""))
    return _due_masses(due, rules["monitoring_spread_months"], terms, as_of, rules["monitoring_overdue_floor"])


def _revisit(s: _AreaState, terms: list[Term], as_of: date, rules: dict) -> list[float]:
    active = [(date.fromisoformat(a), date.fromisoformat(b)) for a, b in rules["revisits_active"]]
    if s.revisit_due is None or as_of > active[-1][1]:
        return [0.0] * len(terms)
    s.notes.append(f"a re-visit of the written statement of action is expected around {s.revisit_due:%B %Y}")
    return _due_masses(s.revisit_due, rules["revisit_spread_months"], terms, as_of,
                       rules["monitoring_overdue_floor"], active)


def _explain(s: _AreaState, f: AreaForecast, as_of: date, rules: dict) -> list[str]:
    """The reasons behind one area's forecast, in plain words."""
    lines = []
    if s.last is None:
        lines.append("no inspection on record")
    else:
        which = "started" if s.last.start_date else "report published"
        lines.append(f"last inspected {describe_interval(s.last.date, as_of)} ago ({which} {s.last.date:%d %B %Y}): "
                     f"{s.last.description}")
    if s.last_full_2023 is None:
        lines.append(f"not yet inspected under the 2023 framework; the first cycle ends "
                     f"{date.fromisoformat(rules['first_cycle_end']):%B %Y}")
        if s.last_full_2016 is not None:
            due = _full_due(s, rules)
            lines.append(f"{rules['max_years_between_full']} years since its 2016-framework inspection "
                         f"{'passed' if due <= as_of else 'will pass'} in {due:%B %Y}")
    else:
        e = s.last_full_2023
        years = rules["next_full_years"][e.outcome or "UNKNOWN"]
        lines.append(f"next full inspection due around {_full_due(s, rules):%B %Y}, about {years} years after the "
                     f"{'report' if e.publication_date else 'inspection (report not yet published)'}")
    lines.extend(s.notes)
    best = f.most_likely
    lines.append(f"most likely term: {best.term} ({best.total:.0%})")
    return lines


@dataclass(frozen=True)
class RegionalRow:
    """One line of the regional table, like the seed's West Midlands sheet."""

    area_code: str
    area_name: str
    region: str
    last_inspection_date: date | None
    last_inspection_date_is: str  # "start" or "publication"
    last_inspection_type: str
    outcome: str
    time_since: str
    most_likely_term: str
    probability: float


def regional_table(as_of: date, areas: list[Area], events: list[InspectionEvent],
                   region: str | None = None) -> list[RegionalRow]:
    """Rows per area (one region or all): last inspection, outcome, time since, most likely term."""
    rows = []
    for f in forecast(as_of, areas, events, region=region):
        last, best = f.last_inspection, f.most_likely
        rows.append(RegionalRow(
            f.area_code, f.area_name, f.region, last.date if last else None,
            ("start" if last.start_date else "publication") if last else "",
            f"{KIND_WORDS[last.kind]} ({last.framework} framework)" if last else "none on record",
            OUTCOME_WORDS.get(last.outcome or "", "not yet published") if last else "",
            describe_interval(last.date, as_of) if last else "", best.term, round(best.total, 4)))
    return sorted(rows, key=lambda r: (r.region, r.last_inspection_date or date.min))
