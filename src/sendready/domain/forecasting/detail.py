"""The detailed model behind the forecast: per-area state from the history, and per-term full-inspection chances.

For full inspections, each term's national expected count (recent observed rate in the same framework, or the
pace needed to finish the first cycle) is shared out across regions and then across areas by priority weights:
an area's weight doubles for every year it is past its due date (last full inspection + the rule interval).
Probabilities over the terms follow a survival process: once an area has probably been inspected it is
unlikely to be inspected again soon. forecast.py blends these chances with the 'pool' baseline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sendready.domain.forecasting.features import GroupRate, group_members, group_rate
from sendready.domain.forecasting.rates import allocate, era_of, national_rate
from sendready.domain.forecasting.terms import Term, add_months
from sendready.domain.history.events import Area, HistoryEvent, history_for_current_areas

_YEAR = 365.25


@dataclass
class AreaState:
    """What the history says about one current area on the forecast date."""

    area: Area
    last_full: HistoryEvent | None = None
    later_visits: list[HistoryEvent] = field(
        default_factory=list
    )  # re-visits/monitoring after last_full
    last_full_2016: HistoryEvent | None = None
    last_full_2023: HistoryEvent | None = None
    monitoring_after_2023: bool = False
    revisit_due: date | None = None
    notes: list[str] = field(default_factory=list)


def area_states(areas: list[Area], known: list[HistoryEvent], rules: dict) -> list[AreaState]:
    """Per current area: last full inspection, visits since, and what is due."""
    states = {a.code: AreaState(a) for a in areas if a.is_current}
    history = sorted(history_for_current_areas(known, areas), key=lambda e: e.ordering_date)
    revisited = {e.area_code for e in history if e.kind == "revisit"}
    for e in history:
        s = states.get(e.area_code)
        if s is None:
            continue
        if e.kind == "full":
            s.last_full, s.later_visits = e, []
            if e.framework == "2016":
                s.last_full_2016 = e
            else:
                s.last_full_2023, s.monitoring_after_2023 = e, False
        else:
            s.later_visits.append(e)
            if e.kind == "monitoring":
                s.monitoring_after_2023 = True
    for s in states.values():
        f = s.last_full_2016
        if (
            f
            and f.outcome == "WSOA"
            and f.publication_date
            and s.area.code not in revisited
            and not s.last_full_2023
        ):
            accepted = f.publication_date + timedelta(
                days=round(rules["wsoa_submission_working_days"] * 7 / 5)
            )
            s.revisit_due = add_months(accepted, rules["revisit_months_after_wsoa_accepted"])
    return list(states.values())


def full_due(s: AreaState, rules: dict) -> date:
    """When the next full inspection is due under the 2023 framework's rules."""
    if s.last_full_2023 is not None:
        e = s.last_full_2023
        base = e.publication_date or e.ordering_date
        return add_months(base, 12 * rules["next_full_years"][e.outcome or "UNKNOWN"])
    if s.last_full_2016 is not None:
        return add_months(s.last_full_2016.ordering_date, 12 * rules["max_years_between_full"])
    return date.fromisoformat(rules["framework_2023_start"])


def _timing_weight(due: date, term: Term, rules: dict) -> float:
    """Priority from timing alone: doubles for each year the term's middle is past the due date."""
    past_due = (term.start + (term.end - term.start) / 2 - due).days / _YEAR
    return 2 ** (past_due / rules["overdue_doubling_years"])


def group_rates(
    states: list[AreaState],
    known: list[HistoryEvent],
    areas: list[Area],
    as_of: date,
    rules: dict,
) -> list[tuple[GroupRate, set[str]]]:
    """Each learnt group's relative rate so far in the 2023 cycle, and its members, from events known on as_of."""
    history = history_for_current_areas(known, areas)
    by_code = {s.area.code: s for s in states}
    start = date.fromisoformat(rules["framework_2023_start"])

    def first_cycle_weight(code: str, term: Term) -> float:
        previous = by_code[
            code
        ].last_full_2016  # the due date an area waiting for its first 2023 inspection had
        due = (
            add_months(previous.ordering_date, 12 * rules["max_years_between_full"])
            if previous
            else start
        )
        return _timing_weight(due, term, rules)

    out = []
    for group in rules["learnt_groups"]:
        members = group_members(history, group)
        rate = group_rate(
            group,
            members,
            history,
            list(by_code),
            first_cycle_weight,
            start,
            as_of,
            rules["learnt_group_prior"],
        )
        out.append((rate, members))
    return out


@dataclass
class Detailed:
    """The detailed model's full-inspection chances per area and term, and the national notes behind them."""

    states: list[AreaState]
    full: dict[str, list[float]]
    notes: list[str]
    groups: list[tuple[GroupRate, set[str]]]


def detailed_full(
    as_of: date,
    areas: list[Area],
    known: list[HistoryEvent],
    terms: list[Term],
    first_fraction: float,
    rules: dict,
) -> Detailed:
    """Full-inspection chances per area for `terms` from events `known` on as_of; the first term counts only
    `first_fraction` of its inspections (the part not yet announced)."""
    current = [a for a in areas if a.is_current]
    states = area_states(areas, known, rules)
    survival = {s.area.code: 1.0 for s in states}
    full: dict[str, list[float]] = {s.area.code: [] for s in states}
    groups = group_rates(states, known, areas, as_of, rules)
    notes: list[str] = []
    for i, term in enumerate(terms):
        era = era_of(term, rules)
        in_pool = {
            s.area.code
            for s in states
            if (s.last_full_2023 if era == "2023" else s.last_full_2016) is None
        }
        pool = sum(survival[c] for c in in_pool)
        national, regional, how = national_rate(known, current, era, as_of, rules, pool, term)
        if i == 0:
            if first_fraction < 1:
                national *= first_fraction
            else:
                already = sum(
                    1
                    for e in known
                    if e.kind == "full" and e.framework == era and term.contains(e.ordering_date)
                )
                national = max(0.0, national - already)
            notes.append(f"{term.name}: expected {how}")
        weights = {}
        for s in states:
            if era == "2016":
                weights[s.area.code] = 1.0 if s.area.code in in_pool else 0.0
            else:
                weights[s.area.code] = _timing_weight(full_due(s, rules), term, rules)
                for g, members in groups:
                    if s.area.code in members:
                        weights[s.area.code] *= g.ratio
        hazard = allocate(states, weights, survival, national, regional, rules, in_pool)
        for s in states:
            code = s.area.code
            full[code].append(survival[code] * hazard[code])
            survival[code] *= 1 - hazard[code]
    return Detailed(states, full, notes, groups)
