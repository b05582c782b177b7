"""Relative inspection rates of groups of areas, learnt only from what was known on the forecast date.

Ofsted does not publish how it orders first-cycle inspections. We can see, though, which not-yet-inspected areas
it has chosen so far. For a group (e.g. areas whose 2016-framework inspection required a written statement of
action), each complete term of the 2023 framework compares how many of the group were inspected with how many
the model's timing weights alone would have picked from those still waiting (given that term's total). The
smoothed ratio (observed + prior) / (expected + prior) starts at 1 and moves only as evidence accumulates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sendready.domain.forecasting.terms import Term, term_of
from sendready.domain.history.events import HistoryEvent

_ONE_DAY = timedelta(days=1)

GROUP_WORDS = {
    "wsoa": "areas that needed a written statement of action after their 2016-framework inspection",
    "wsoa_not_revisited": (
        "areas that needed a written statement of action after their 2016-framework inspection "
        "and were never re-visited"
    ),
    "insufficient_revisit": "areas whose re-visit found insufficient progress on some or all weaknesses",
}


@dataclass(frozen=True)
class GroupRate:
    """How often a group's waiting areas have been inspected relative to the timing weights' expectation."""

    group: str
    observed: int
    expected: float
    ratio: float
    terms: int

    @property
    def sentence(self) -> str:
        """E.g. 'areas that needed a written statement of action ... have been inspected 1.8 times as often'."""
        if self.terms == 0:
            return (
                f"no complete term of the 2023 framework yet, so {GROUP_WORDS[self.group]} are given the same "
                "priority as others"
            )
        return (
            f"so far in the 2023 cycle, {GROUP_WORDS[self.group]} have been inspected {self.ratio:.1f} times as "
            f"often as their time since last inspection alone suggests ({self.observed} inspected where "
            f"{self.expected:.1f} were expected, over {self.terms} term{'s' if self.terms != 1 else ''})"
        )


def group_members(known: list[HistoryEvent], group: str) -> set[str]:
    """Codes of (current-area re-attributed) events' areas in the group, from what is known."""
    if group == "wsoa":
        return {
            e.area_code
            for e in known
            if e.framework == "2016" and e.kind == "full" and e.outcome == "WSOA"
        }
    if group == "wsoa_not_revisited":
        revisited = {e.area_code for e in known if e.kind == "revisit"}
        return group_members(known, "wsoa") - revisited
    if group == "insufficient_revisit":
        return {
            e.area_code
            for e in known
            if e.kind == "revisit" and e.outcome in ("SOME_SUFFICIENT", "NONE_SUFFICIENT")
        }
    raise ValueError(f"unknown group {group!r}")


def group_rate(
    group: str,
    members: set[str],
    known: list[HistoryEvent],
    current: list[str],
    weight: Callable[[str, Term], float],
    cycle_start: date,
    cutoff: date,
    prior: float,
) -> GroupRate:
    """The smoothed relative rate of `members` among areas waiting for a first 2023-framework inspection,
    over each complete term from cycle_start to cutoff (events known on cutoff only)."""
    first: dict[str, date] = {}
    for e in known:
        if e.framework == "2023" and e.kind == "full":
            first[e.area_code] = min(first.get(e.area_code, e.ordering_date), e.ordering_date)
    observed, expected, n_terms = 0, 0.0, 0
    term = term_of(cycle_start)
    while term.end <= cutoff + _ONE_DAY:
        waiting = [c for c in current if c not in first or first[c] >= term.start]
        chosen = [c for c in waiting if c in first and term.contains(first[c])]
        total = sum(weight(c, term) for c in waiting)
        if chosen and total > 0:
            share = sum(weight(c, term) for c in waiting if c in members) / total
            expected += len(chosen) * share
            observed += sum(1 for c in chosen if c in members)
            n_terms += 1  # terms with no known inspections (history not yet imported) say nothing
        term = term.next()
    return GroupRate(
        group, observed, round(expected, 2), (observed + prior) / (expected + prior), n_terms
    )
