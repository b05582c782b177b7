"""Coverage of a self-evaluation by its evidence log: the gaps an inspector would spot first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

LIVED_EXPERIENCE = "lived_experience"


@dataclass(frozen=True)
class EvidenceFacts:
    """What coverage needs to know about one evidence item."""

    id: int
    kind: str
    evidence_date: dt.date
    review_by: dt.date | None
    criteria: frozenset[str]


@dataclass(frozen=True)
class CriterionCoverage:
    key: str
    count: int
    newest: dt.date | None
    lived_experience: int
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class Coverage:
    criteria: tuple[CriterionCoverage, ...]
    past_review: tuple[int, ...]
    since: dt.date | None

    @property
    def criteria_with_gaps(self) -> list[CriterionCoverage]:
        return [c for c in self.criteria if c.gaps]


def _gaps(count: int, newest: dt.date | None, lived: int, since: dt.date | None) -> list[str]:
    if count == 0:
        return ["No evidence"]
    gaps = []
    if since is not None and newest is not None and newest < since:
        gaps.append(f"No evidence dated on or after {since.day} {since:%B %Y}")
    if lived == 0:
        gaps.append("No account of lived experience")
    return gaps


def coverage(
    criteria: Sequence[str],
    evidence: Iterable[EvidenceFacts],
    today: dt.date,
    since: dt.date | None = None,
) -> Coverage:
    """Per criterion: how much evidence, the newest, lived experience and the gaps; and every item
    whose review-by date has passed."""
    items = list(evidence)
    rows = []
    for key in criteria:
        mine = [e for e in items if key in e.criteria]
        newest = max((e.evidence_date for e in mine), default=None)
        lived = sum(1 for e in mine if e.kind == LIVED_EXPERIENCE)
        rows.append(
            CriterionCoverage(
                key, len(mine), newest, lived, tuple(_gaps(len(mine), newest, lived, since))
            )
        )
    past = tuple(e.id for e in items if e.review_by is not None and e.review_by < today)
    return Coverage(tuple(rows), past, since)
