"""'When will we be inspected?': a per-term hazard model built from the framework's rules and observed rates.

For full inspections, each term's national expected count (recent observed rate in the same framework, or the
pace needed to finish the first cycle) is shared out across regions and then across areas by priority weights:
an area's weight doubles for every year it is past its due date (last full inspection + the rule interval), and
is multiplied by its group's relative rate learnt from the 2023 cycle so far (forecast_features).
Probabilities over the six terms follow a survival process: once an area has probably been inspected it is
unlikely to be inspected again soon. Monitoring inspections and 2016 re-visits follow their own due dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sendready.domain.forecast_features import GroupRate, group_members, group_rate
from sendready.domain.forecast_rates import allocate, due_masses, era_of, known_on, national_rate
from sendready.domain.forecast_types import AreaForecast, LastInspection, RegionalRow, TermForecast
from sendready.domain.history import (
    KIND_WORDS,
    OUTCOME_WORDS,
    Area,
    InspectionEvent,
    history_for_current_areas,
)
from sendready.domain.terms import Term, add_months, describe_interval, load_rules, term_of

__all__ = ["AreaForecast", "LastInspection", "RegionalRow", "TermForecast", "forecast", "known_on",
           "regional_table"]
_known = known_on  # the backtest's older name

_YEAR = 365.25


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


def _region_note(s: _AreaState, states: list[_AreaState], pool: set[str], rules: dict) -> list[str]:
    """Why the area's region gets the share of inspections it does."""
    if rules["region_share_basis"] != "remaining_pool":
        return []
    members = [x for x in states if x.area.region == s.area.region]
    left = sum(1 for x in members if x.area.code in pool)
    return [f"{s.area.region}: {left} of its {len(members)} areas are still to be inspected under the 2023 "
            f"framework; each region's share of a term's inspections follows that number, and within a "
            f"region the longest-waiting areas come first"]


def _timing_weight(due: date, term: Term, rules: dict) -> float:
    """Priority from timing alone: doubles for each year the term's middle is past the due date."""
    past_due = (term.start + (term.end - term.start) / 2 - due).days / _YEAR
    return 2 ** (past_due / rules["overdue_doubling_years"])


def _group_rates(states: list[_AreaState], known: list[InspectionEvent], areas: list[Area], as_of: date,
                 rules: dict) -> list[tuple[GroupRate, set[str]]]:
    """Each learnt group's relative rate so far in the 2023 cycle, and its members, from events known on as_of."""
    history = history_for_current_areas(known, areas)
    by_code = {s.area.code: s for s in states}
    start = date.fromisoformat(rules["framework_2023_start"])

    def first_cycle_weight(code: str, term: Term) -> float:
        previous = by_code[code].last_full_2016  # the due date an area waiting for its first 2023 inspection had
        due = add_months(previous.ordering_date, 12 * rules["max_years_between_full"]) if previous else start
        return _timing_weight(due, term, rules)

    out = []
    for group in rules["learnt_groups"]:
        members = group_members(history, group)
        rate = group_rate(group, members, history, list(by_code), first_cycle_weight, start, as_of,
                          rules["learnt_group_prior"])
        out.append((rate, members))
    return out


def forecast(as_of: date, areas: list[Area], events: list[InspectionEvent], region: str | None = None,
             area_code: str | None = None, start_term: Term | None = None,
             n_terms: int | None = None) -> list[AreaForecast]:
    """Forecast, per current area, the chance of each kind of inspection in each of the next terms,
    using only events known on `as_of` (start_term defaults to the term containing as_of)."""
    rules = load_rules()
    known = known_on(events, as_of)
    current = [a for a in areas if a.is_current]
    states = _states(areas, known, rules, as_of)
    first = start_term or term_of(as_of)
    terms = [first]
    while len(terms) < (n_terms or rules["forecast_terms"]):
        terms.append(terms[-1].next())
    survival = {s.area.code: 1.0 for s in states}
    full: dict[str, list[float]] = {s.area.code: [] for s in states}
    groups = _group_rates(states, known, areas, as_of, rules)
    notes: list[str] = [g.sentence for g, _ in groups if as_of >= date.fromisoformat(rules["framework_2023_start"])]
    for i, term in enumerate(terms):
        era = era_of(term, rules)
        in_pool = {s.area.code for s in states if (s.last_full_2023 if era == "2023" else s.last_full_2016) is None}
        pool = sum(survival[c] for c in in_pool)
        national, regional, how = national_rate(known, current, era, as_of, rules, pool, term)
        if i == 0:
            already = sum(1 for e in known if e.kind == "full" and e.framework == era and term.contains(e.ordering_date))
            national = max(0.0, national - already)
            notes.append(f"{term.name}: expected {how}")
            notes.append(f"{round(pool)} of {len(current)} areas not yet inspected under the {era} framework")
            newest = max((e.ordering_date for e in known), default=None)
            if newest and (as_of - newest).days > 120:
                notes.append(f"the newest inspection held here started on {newest:%d %B %Y}; import newer "
                             "inspections to bring this forecast up to date")
        weights = {}
        for s in states:
            if era == "2016":
                weights[s.area.code] = 1.0 if s.area.code in in_pool else 0.0
            else:
                weights[s.area.code] = _timing_weight(_full_due(s, rules), term, rules)
                for g, members in groups:
                    if s.area.code in members:
                        weights[s.area.code] *= g.ratio
        hazard = allocate(states, weights, survival, national, regional, rules, in_pool)
        for s in states:
            code = s.area.code
            full[code].append(survival[code] * hazard[code])
            survival[code] *= 1 - hazard[code]
    pool_now = {s.area.code for s in states if s.last_full_2023 is None}
    out = []
    for s in states:
        if (region and region not in (s.area.region, s.area.ofsted_region)) or (area_code and s.area.code != area_code):
            continue
        monitoring, revisit = _monitoring(s, terms, as_of, rules), _revisit(s, terms, as_of, rules)
        rows = [TermForecast(t.name, t.start, round(f, 4), round(m, 4), round(r, 4))
                for t, f, m, r in zip(terms, full[s.area.code], monitoring, revisit, strict=False)]
        forecast_ = AreaForecast(s.area.code, s.area.name, s.area.region, s.area.ofsted_region, s.last, rows)
        forecast_.explanation = _explain(s, forecast_, as_of, rules) + notes + _region_note(s, states, pool_now, rules)
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
    return due_masses(due, rules["monitoring_spread_months"], terms, as_of, rules["monitoring_overdue_floor"])


def _revisit(s: _AreaState, terms: list[Term], as_of: date, rules: dict) -> list[float]:
    active = [(date.fromisoformat(a), date.fromisoformat(b)) for a, b in rules["revisits_active"]]
    if s.revisit_due is None or as_of > active[-1][1]:
        return [0.0] * len(terms)
    s.notes.append(f"a re-visit of the written statement of action is expected around {s.revisit_due:%B %Y}")
    return due_masses(s.revisit_due, rules["revisit_spread_months"], terms, as_of,
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
