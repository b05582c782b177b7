"""Annex A, the information inspectors ask for at notification, as a default checklist per framework.

The area adapts its own copy (adds, removes, renames items); each item is due at a step of the
inspection's timeline. Items the reference does not confirm are marked as the area's own."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sendready.domain.inspection.frameworks import Source, load_framework

TO_DO, IN_PROGRESS, READY, NOT_NEEDED = "to_do", "in_progress", "ready", "not_needed"
ITEM_STATUSES = {
    TO_DO: "To do",
    IN_PROGRESS: "In progress",
    READY: "Ready",
    NOT_NEEDED: "Not needed",
}
DONE = frozenset({READY, NOT_NEEDED})


class AnnexADataError(ValueError):
    """Raised when a shipped checklist breaks the schema."""


@dataclass(frozen=True)
class DefaultItem:
    key: str
    title: str
    due_step: str
    source: str
    confirmed: bool


@dataclass(frozen=True)
class Checklist:
    framework: str
    version: str
    title: str
    note: str
    sources: dict[str, Source]
    items: tuple[DefaultItem, ...]

    def source_titles(self, text: str) -> str:
        keys = [k.strip() for k in text.split(",") if k.strip()]
        return "; ".join(self.sources[k].title for k in keys if k in self.sources)


def has_checklist(framework: str) -> bool:
    """True when a default Annex A list is shipped for the framework."""
    return (
        resources.files("sendready.domain.inspection")
        .joinpath("data", "annex_a", f"annex-a-{framework}.json")
        .is_file()
    )


@cache
def default_checklist(framework: str) -> Checklist:
    """The framework's default Annex A list, checked against its timeline's step keys."""
    path = resources.files("sendready.domain.inspection").joinpath(
        "data", "annex_a", f"annex-a-{framework}.json"
    )
    if not path.is_file():
        raise LookupError(f"No Annex A checklist is shipped for framework {framework!r}.")
    raw = json.loads(path.read_text(encoding="utf-8"))
    checklist = Checklist(
        framework=raw["framework"],
        version=raw["version"],
        title=raw["title"],
        note=raw["note"],
        sources={k: Source(k, v["title"], v.get("url", "")) for k, v in raw["sources"].items()},
        items=tuple(DefaultItem(**item) for item in raw["items"]),
    )
    steps = {s.key for s in load_framework(framework).steps}
    for item in checklist.items:
        if item.due_step not in steps:
            raise AnnexADataError(f"Annex A item {item.key}: no step {item.due_step!r}.")
        if item.confirmed and not item.source:
            raise AnnexADataError(f"Annex A item {item.key}: a confirmed item needs a source.")
    return checklist


@dataclass(frozen=True)
class Completeness:
    """How far along the checklist is at a moment."""

    total: int
    done: int
    overdue: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def is_overdue(status: str, due_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Not ready (or marked not needed) and past its due time."""
    return status not in DONE and due_at is not None and due_at < now


def completeness(items: Iterable[tuple[str, dt.datetime | None]], now: dt.datetime) -> Completeness:
    """Count items done and overdue from (status, due time) pairs."""
    pairs = list(items)
    return Completeness(
        total=len(pairs),
        done=sum(1 for status, _ in pairs if status in DONE),
        overdue=sum(1 for status, due in pairs if is_overdue(status, due, now)),
    )
