"""'When will we be inspected?': per-term chances for every current area, and the regional table.

Full inspections: the detailed model (forecast_detail) blended with the 'pool' baseline (an even spread over the
areas not yet inspected in the cycle, at the pace that finishes it). The blend weight is chosen by rolling origin
on the last school year of terms the history covers (each scored with what was known before it), and shrunk
toward the pool where few terms were scored. Monitoring inspections and 2016 re-visits follow their due dates.
The first term forecast is the next one whose inspections are not yet announced (see first_term).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from sendready.domain.forecasting.baselines import (
    full_pool,
    inspected_in,
    log_loss,
    pool_chances,
    terms_left,
)
from sendready.domain.forecasting.detail import AreaState, area_states, detailed_full
from sendready.domain.forecasting.explain import explain, visit_words
from sendready.domain.forecasting.rates import cycle_end, due_masses, era_of, known_on
from sendready.domain.forecasting.terms import (
    Term,
    add_months,
    describe_interval,
    load_rules,
    term_of,
)
from sendready.domain.forecasting.values import (
    AreaForecast,
    Freshness,
    LastInspection,
    RegionalRow,
    TermForecast,
)
from sendready.domain.history.events import (
    KIND_WORDS,
    OUTCOME_WORDS,
    Area,
    HistoryEvent,
    newest_national,
)

__all__ = [
    "AreaForecast",
    "Freshness",
    "LastInspection",
    "RegionalRow",
    "TermForecast",
    "first_term",
    "forecast",
    "freshness",
    "known_on",
    "regional_table",
]
_known = known_on  # the backtest's older name


def freshness(events: list[HistoryEvent], as_of: date) -> Freshness:
    """The newest inspection known on as_of, and whether it is more than a term older than as_of."""
    newest = newest_national(known_on(events, as_of))
    stale = newest is None or (as_of - newest).days > load_rules()["stale_after_days"]
    return Freshness(as_of, newest, stale)


def last_start(term: Term, rules: dict) -> date:
    """The last day an inspection can start in a term: mid-December and mid-July (from the history), and the
    day before the Easter holidays for spring."""
    month_day = rules["last_start_day"].get(term.season)
    if month_day is None:
        return term.last_day
    month, day = (int(part) for part in month_day.split("-"))
    return min(term.last_day, date(term.start.year, month, day))


def first_term(as_of: date, rules: dict | None = None) -> tuple[Term, float, str]:
    """The first term to forecast, the share of its inspections not yet announced, and how that was decided."""
    rules = rules or load_rules()
    notice = as_of + timedelta(days=rules["notice_days"])
    term = term_of(as_of)
    last = last_start(term, rules)
    if notice > last or (last - as_of).days <= rules["nearly_decided_days"]:
        following = term.next()
        why = (
            f"every inspection in the history held started by {last.day} {last:%B} of its year"
            if term.season in rules["last_start_day"]
            else f"the Easter holidays begin on {term.end.day} {term.end:%B %Y}"
        )
        return (
            following,
            1.0,
            (
                f"{term.name} is nearly over: inspections are announced about "
                f"{rules['notice_days']} days ahead and {why}, so its remaining inspections are "
                f"already known to the areas concerned; the forecast starts at {following.name}"
            ),
        )
    fraction = min(1.0, (last - notice).days / max(1, (last - term.start).days))
    return (
        term,
        fraction,
        (
            f"{term.name} counts only inspections starting from {notice.day} {notice:%B %Y}, "
            f"as those starting sooner are already announced to the areas concerned (the "
            f"chance is pro-rated to the {fraction:.0%} of the term left)"
        ),
    )


def _scored_terms(as_of: date, known: list[HistoryEvent], rules: dict) -> list[Term]:
    """The last complete terms the history covers (at most a school year), newest last."""
    newest = newest_national(known, "full")
    if newest is None:
        return []
    covered = min(as_of + timedelta(days=1), term_of(newest).end)
    out: list[Term] = []
    term = term_of(covered - timedelta(days=1))
    if term.end > covered:
        term = term.previous()
    while len(out) < rules["blend_window_terms"] and term.start >= date.fromisoformat(
        rules["framework_2016_start"]
    ):
        out.insert(0, term)
        term = term.previous()
    return out


def _detailed_first(
    cutoff: date,
    areas: list[Area],
    before: list[HistoryEvent],
    term: Term,
    kind: str,
    rules: dict,
) -> dict[str, float]:
    """The detailed model's chance of `kind` ('full' or 'revisit') in `term`, per area, from events known on cutoff."""
    if kind == "full":
        return {
            c: p[0]
            for c, p in detailed_full(cutoff, areas, before, [term], 1.0, rules).full.items()
        }
    return {
        s.area.code: _revisit(s, [term], cutoff, rules)[0]
        for s in area_states(areas, before, rules)
    }


@lru_cache(maxsize=64)
def _blend(
    as_of: date, areas: tuple[Area, ...], known: tuple[HistoryEvent, ...], kind: str
) -> tuple[float, int]:
    rules = load_rules()
    areas_, known_ = list(areas), list(known)
    pairs: list[tuple[float, float, bool]] = []
    scored = 0
    for term in _scored_terms(as_of, known_, rules):
        if not inspected_in(term, known_, areas_, "any"):
            continue  # a term with no known inspection says the history is incomplete, not that none happened
        actual = inspected_in(term, known_, areas_, kind)
        cutoff = term.start - timedelta(days=1)
        before = known_on(known_, cutoff)
        pool = pool_chances(before, areas_, term, kind, rules)
        if not any(pool.values()):
            continue  # nothing of this kind could happen that term (re-visits outside their years)
        detail = _detailed_first(cutoff, areas_, before, term, kind, rules)
        pairs += [(detail[c], pool[c], c in actual) for c in pool]
        scored += 1
    if not scored:
        return 0.0, 0
    steps = rules["blend_grid_steps"]
    clip = rules["log_loss_clip"]

    def loss(w: float) -> float:
        return sum(log_loss(w * d + (1 - w) * p, o, clip) for d, p, o in pairs)

    best = min((i / steps for i in range(steps + 1)), key=loss)
    return best * scored / (scored + rules["blend_prior_terms"]), scored


def blend_weight(
    as_of: date, areas: list[Area], known: list[HistoryEvent], kind: str = "full"
) -> tuple[float, int]:
    """The detailed model's weight against the pool baseline for `kind` ('full' or 'revisit'), and how many
    terms it was chosen on."""
    return _blend(as_of, tuple(areas), tuple(known), kind)


def _pool_terms(
    known: list[HistoryEvent], areas: list[Area], terms: list[Term], fraction: float, rules: dict
) -> dict[str, list[float]]:
    """The pool baseline's full-inspection chance per area and term (an even spread over the terms left)."""
    out: dict[str, list[float]] = {a.code: [] for a in areas if a.is_current}
    for i, term in enumerate(terms):
        era = era_of(term, rules)
        first_of_era = next(t for t in terms if era_of(t, rules) == era)
        left = terms_left(first_of_era, cycle_end(era, rules))
        waiting = full_pool(known, areas, era)
        within = terms.index(first_of_era) <= i < terms.index(first_of_era) + left
        for code in out:
            out[code].append(
                (1 / left if within and code in waiting else 0.0) * (fraction if i == 0 else 1.0)
            )
    return out


def _revisit_pool(
    known: list[HistoryEvent], areas: list[Area], terms: list[Term], fraction: float, rules: dict
) -> dict[str, list[float]]:
    """The pool baseline for re-visits: the first term's even share, for each term while re-visits run."""
    first = pool_chances(known, areas, terms[0], "revisit", rules)
    last_day = date.fromisoformat(rules["revisits_active"][-1][1])
    return {
        c: [
            p * (fraction if i == 0 else 1.0) if t.start <= last_day else 0.0
            for i, t in enumerate(terms)
        ]
        for c, p in first.items()
    }


def forecast(
    as_of: date,
    areas: list[Area],
    events: list[HistoryEvent],
    region: str | None = None,
    area_code: str | None = None,
    start_term: Term | None = None,
    n_terms: int | None = None,
) -> list[AreaForecast]:
    """Forecast, per current area, the chance of each kind of inspection in each of the next terms, using only
    events known on `as_of` (start_term defaults to the first term whose inspections are not yet announced)."""
    rules = load_rules()
    known = known_on(events, as_of)
    if start_term is None:
        first, fraction, first_note = first_term(as_of, rules)
    else:
        first, fraction, first_note = start_term, 1.0, ""
    terms = [first]
    while len(terms) < (n_terms or rules["forecast_terms"]):
        terms.append(terms[-1].next())
    detail = detailed_full(as_of, areas, known, terms, fraction, rules)
    weight, scored = blend_weight(as_of, areas, known)
    pool = _pool_terms(known, areas, terms, fraction, rules)
    revisit_weight, _ = blend_weight(as_of, areas, known, "revisit")
    revisit_pool = _revisit_pool(known, areas, terms, fraction, rules)
    cutoff = as_of if fraction == 1.0 else as_of + timedelta(days=rules["notice_days"] - 1)
    fresh = freshness(events, as_of)
    context = {
        "first_note": first_note,
        "weight": weight,
        "scored": scored,
        "terms": terms,
        "as_of": as_of,
        "waiting": full_pool(known, areas, era_of(first, rules)),
        "national": detail.notes,
        "freshness": fresh,
        "groups": detail.groups,
        "states": detail.states,
    }
    out = []
    for s in detail.states:
        if (region and region not in (s.area.region, s.area.ofsted_region)) or (
            area_code and s.area.code != area_code
        ):
            continue
        code = s.area.code
        full = [
            weight * d + (1 - weight) * p
            for d, p in zip(detail.full[code], pool[code], strict=True)
        ]
        monitoring = _monitoring(s, terms, cutoff, rules)
        revisit = [
            revisit_weight * d + (1 - revisit_weight) * p
            for d, p in zip(
                _revisit(s, terms, cutoff, rules), revisit_pool.get(code, []), strict=True
            )
        ]
        rows = [
            TermForecast(t.name, t.start, round(f, 4), round(m, 4), round(r, 4))
            for t, f, m, r in zip(terms, full, monitoring, revisit, strict=True)
        ]
        last = _last(s.last_full)
        visits = [v for v in (_last(e) for e in s.later_visits) if v is not None]
        result = AreaForecast(
            s.area.code,
            s.area.name,
            s.area.region,
            s.area.ofsted_region,
            last,
            rows,
            later_visits=visits,
            small_chance=rules["small_chance"],
        )
        result.explanation = explain(s, result, context, rules)
        out.append(result)
    return out


def _last(e: HistoryEvent | None) -> LastInspection | None:
    return (
        None
        if e is None
        else LastInspection(e.start_date, e.publication_date, e.kind, e.framework, e.outcome)
    )


def _monitoring(s: AreaState, terms: list[Term], cutoff: date, rules: dict) -> list[float]:
    e = s.last_full_2023
    if (
        e is None
        or e.outcome != "SYSTEMIC"
        or s.monitoring_after_2023
        or e.publication_date is None
    ):
        return [0.0] * len(terms)
    due = add_months(e.publication_date, rules["monitoring_months_after_report"])
    s.notes.append(
        f"a monitoring inspection is expected around {due:%B %Y}, "
        f"{rules['monitoring_months_after_report']} months after the report of "
        f"{e.publication_date.day} {e.publication_date:%B %Y} found widespread and/or systemic failings"
        + ("; none is recorded yet, and the data may lack it" if due < cutoff else "")
    )
    return due_masses(
        due, rules["monitoring_spread_months"], terms, cutoff, rules["monitoring_overdue_floor"]
    )


def _revisit(s: AreaState, terms: list[Term], cutoff: date, rules: dict) -> list[float]:
    active = [(date.fromisoformat(a), date.fromisoformat(b)) for a, b in rules["revisits_active"]]
    if s.revisit_due is None or cutoff > active[-1][1]:
        return [0.0] * len(terms)
    s.notes.append(
        f"a re-visit of the written statement of action is expected around {s.revisit_due:%B %Y}"
    )
    return due_masses(
        s.revisit_due,
        rules["revisit_spread_months"],
        terms,
        cutoff,
        rules["monitoring_overdue_floor"],
        active,
    )


def regional_table(
    as_of: date, areas: list[Area], events: list[HistoryEvent], region: str | None = None
) -> list[RegionalRow]:
    """Rows per area (one region or all): last full inspection, outcome, time since, most likely term."""
    rows = []
    for f in forecast(as_of, areas, events, region=region):
        last, best = f.last_inspection, f.most_likely
        rows.append(
            RegionalRow(
                f.area_code,
                f.area_name,
                f.region,
                last.date if last else None,
                ("start" if last.start_date else "publication") if last else "",
                f"{KIND_WORDS[last.kind]} ({last.framework} framework)"
                if last
                else "none on record",
                OUTCOME_WORDS.get(last.outcome or "", "not yet published") if last else "",
                describe_interval(last.date, as_of) if last else "",
                f.most_likely_words,
                round(best.total, 4),
                "; ".join(visit_words(v) for v in f.later_visits),
            )
        )
    return sorted(rows, key=lambda r: (r.region, r.last_inspection_date or date.min))
