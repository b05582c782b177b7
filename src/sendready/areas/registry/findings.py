"""Findings: offered by capabilities, pinned as evidence by the self-evaluation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sendready.areas.models import LocalArea


@dataclass(frozen=True)
class Finding:
    """An aggregate result another capability offers as evidence (never one child's details).

    `table` is its numbers, header row first, so a page can show them as a table and a pinned copy
    keeps what they were."""

    key: str  # stable within its source, so a pinned item finds it again
    title: str
    summary: str
    table: tuple[tuple[str, ...], ...]
    as_of: dt.date | None = None


@dataclass(frozen=True)
class FindingSource:
    """A capability's findings: who may see them and which type of evidence they are."""

    key: str
    title: str
    evidence_kind: str  # one of the criteria data's evidence types, e.g. quality_assurance
    permission: str
    offer: Callable[[LocalArea], list[Finding]]


FINDING_SOURCES: dict[str, FindingSource] = {}


def register_finding_source(source: FindingSource) -> None:
    """Offer a capability's findings for pinning as self-evaluation evidence."""
    FINDING_SOURCES[source.key] = source


def find_finding(area: LocalArea, source_key: str, finding_key: str) -> Finding | None:
    """The finding as it stands now, or None when its source or the finding is gone."""
    source = FINDING_SOURCES.get(source_key)
    if source is None:
        return None
    return next((f for f in source.offer(area) if f.key == finding_key), None)
