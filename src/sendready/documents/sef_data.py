"""The self-evaluation as plain values, so the Word and PDF builders are tested without a database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class EvidenceLine:
    title: str
    kind: str
    date: dt.date
    co_produced: bool
    summary: str = ""
    where: str = ""  # a link, a file name or a pinned figure


@dataclass(frozen=True)
class CriterionSection:
    number: str
    text: str
    lead: str
    position: str
    rationale: str
    answers: tuple[tuple[str, str], ...]
    evidence: tuple[EvidenceLine, ...] = ()
    wording_note: str = ""  # said under the heading when the criterion's wording is unconfirmed


@dataclass(frozen=True)
class GroupSection:
    title: str
    criteria: tuple[CriterionSection, ...]


@dataclass(frozen=True)
class Reading:
    """The area's own outcome reading, always printed with its label."""

    title: str
    reason: str
    label: str
    follow_ups: tuple[tuple[str, dt.date], ...]
    report_date: dt.date


@dataclass(frozen=True)
class SefData:
    area_name: str
    criteria_title: str
    criteria_version: str
    prepared_on: dt.date
    groups: tuple[GroupSection, ...]
    reading: Reading | None = None
    gaps: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    sources_note: str = ""
