"""The reasons behind one area's forecast, in plain words that agree with its numbers."""

from __future__ import annotations

from datetime import date

from sendready.domain.forecasting.detail import AreaState, full_due
from sendready.domain.forecasting.terms import describe_interval
from sendready.domain.forecasting.values import AreaForecast, LastInspection
from sendready.domain.history.events import KIND_WORDS, OUTCOME_WORDS


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def visit_words(v: LastInspection) -> str:
    """E.g. 're-visit started 4 February 2019 (sufficient progress on some weaknesses)'."""
    which = "started" if v.start_date else "report published"
    outcome = OUTCOME_WORDS.get(v.outcome or "", "outcome not yet published")
    return f"{KIND_WORDS[v.kind]} {which} {_day(v.date)} ({outcome})"


def _last_lines(s: AreaState, f: AreaForecast, as_of: date) -> list[str]:
    last = f.last_inspection
    if last is None:
        lines = ["no full inspection on record"]
    else:
        which = "started" if last.start_date else "report published"
        lines = [
            f"last full inspection {describe_interval(last.date, as_of)} ago ({which} {_day(last.date)}): "
            f"{last.description}"
        ]
    for v in f.later_visits:
        lines.append(
            f"since then, a {visit_words(v)}; a {KIND_WORDS[v.kind]} is not a new inspection, so the "
            "time since counts from the full inspection"
        )
    return lines


def _cycle_lines(s: AreaState, f: AreaForecast, context: dict, rules: dict) -> list[str]:
    as_of, terms, waiting = context["as_of"], context["terms"], context["waiting"]
    cycle_end = date.fromisoformat(rules["first_cycle_end"])
    if s.area.code in waiting:
        lines = [
            f"not yet inspected under the 2023 framework: every area is to be inspected by "
            f"{cycle_end:%B %Y}, and {len(waiting)} areas are still waiting"
        ]
        if s.last_full_2016 is not None:
            due = full_due(s, rules)
            lines.append(
                f"the {rules['max_years_between_full']} years since its 2016-framework inspection "
                f"{'passed' if due <= as_of else 'will pass'} in {due:%B %Y}"
            )
        lines.extend(context["national"])
        return lines
    if s.last_full_2023 is None:
        return []
    due = full_due(s, rules)
    years = rules["next_full_years"][s.last_full_2023.outcome or "UNKNOWN"]
    basis = (
        "report" if s.last_full_2023.publication_date else "inspection (report not yet published)"
    )
    line = (
        f"its next full inspection is due about {years} years after the {basis}, around {due:%B %Y}"
    )
    horizon = terms[-1].end
    if due >= horizon:
        line += f", after the {len(terms)} terms shown"
    elif not f.expected or f.most_likely.start > due or due < as_of:
        line += (
            f"; until {cycle_end:%B %Y} Ofsted is still inspecting the {len(waiting)} areas waiting for "
            "their first inspection under the 2023 framework, so areas already inspected get a small "
            "chance each term"
        )
    return [line]


def _summary(f: AreaForecast, context: dict) -> list[str]:
    if not f.expected:
        return [
            f"not expected in the next {len(f.terms)} terms: no term's chance reaches {f.small_chance:.0%}"
        ]
    miss = 1.0
    for t in f.terms:
        miss *= 1 - t.total
    best = f.most_likely
    return [
        f"most likely term: {best.term} ({best.total:.0%}); chance of an inspection starting by the end of "
        f"{f.terms[-1].term}: {1 - miss:.0%}"
    ]


def _blend_line(context: dict, rules: dict) -> str:
    weight, scored = context["weight"], context["scored"]
    if not scored:
        return (
            "the chances of a full inspection spread the inspections the cycle still needs evenly over the "
            "areas waiting, as no complete term of recent history is held to test anything finer against"
        )
    return (
        f"the chances of a full inspection are {weight:.0%} the detailed model (time past due, the region's "
        f"remaining areas) and {1 - weight:.0%} an even spread over the areas still waiting; that weight "
        f"is the one that forecast the last {scored} term{'s' if scored != 1 else ''} held best, each "
        "scored with only what was known before it"
    )


def explain(s: AreaState, f: AreaForecast, context: dict, rules: dict) -> list[str]:
    """The reasons behind one area's forecast: only those that apply to this area."""
    lines = _last_lines(s, f, context["as_of"]) + _cycle_lines(s, f, context, rules)
    for rate, members in context["groups"]:
        if s.area.code in members:
            lines.append(rate.sentence)
    lines.extend(s.notes)
    lines.append(_blend_line(context, rules))
    if context["first_note"]:
        lines.append(context["first_note"])
    lines.extend(_summary(f, context))
    fresh = context["freshness"]
    lines.append(
        (fresh.sentence + (" " + fresh.warning if fresh.stale else ""))
        .rstrip(".")
        .replace("The newest", "the newest", 1)
        .replace("No inspection", "no inspection", 1)
    )
    return lines
