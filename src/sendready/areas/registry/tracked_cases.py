"""Tracked cases: offered by cases, chosen by the request board."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sendready.areas.models import LocalArea


@dataclass(frozen=True)
class TrackedCaseChoice:
    """One of the area's tracked cases, as a choice another capability may store by `key`.

    `label` names the child's case only for people who may open it (the LANO and its team);
    everyone else reads "Tracked case 2 of <the selection>"."""

    key: str
    label: str


TrackedCaseSource = Callable[["LocalArea", object, "int | None"], list[TrackedCaseChoice]]
_TRACKED_CASE_SOURCES: list[TrackedCaseSource] = []


def register_tracked_case_source(source: TrackedCaseSource) -> None:
    """Offer an area's tracked cases for other capabilities to refer to."""
    if source not in _TRACKED_CASE_SOURCES:
        _TRACKED_CASE_SOURCES.append(source)


def tracked_case_choices(
    area: LocalArea, user, inspection_pk: int | None = None
) -> list[TrackedCaseChoice]:
    """The area's tracked cases (those named for `inspection_pk` first), as this person may see them."""
    return [c for source in _TRACKED_CASE_SOURCES for c in source(area, user, inspection_pk)]
