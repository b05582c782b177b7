"""A framework's evaluation criteria as versioned data: groups, criteria, key questions, evidence types.

Each version is one JSON file in data/criteria/ with its sources; a revised framework is a new file
beside the old one, and every self-evaluation records the version it answers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from sendready.domain.inspection.frameworks import STATUSES, Source

INFORMS = ("experiences", "outcomes", "action")


class UnknownCriteria(LookupError):
    """Raised when no criteria file has this version."""


class CriteriaDataError(ValueError):
    """Raised when a shipped criteria file breaks the schema (a bug in the data, not user input)."""


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    summary: str


@dataclass(frozen=True)
class Criterion:
    """One evaluation criterion; `informs` says which part of the outcome rule it speaks to."""

    key: str
    group: str
    number: str
    text: str
    informs: str
    source: str
    status: str
    note: str = ""


@dataclass(frozen=True)
class Choice:
    """A key question or evidence type: a stable key, its wording and where it comes from."""

    key: str
    title: str
    source: str
    hint: str = ""


@dataclass(frozen=True)
class OutcomeRule:
    outcome: str
    when: dict[str, bool | int]
    reason: str


@dataclass(frozen=True)
class CriteriaSet:
    """One version of a framework's criteria."""

    version: str
    framework: str
    title: str
    in_force: str
    revised: str
    note: str
    sources: dict[str, Source]
    groups: tuple[Group, ...]
    criteria: tuple[Criterion, ...]
    questions: tuple[Choice, ...]
    evidence_types: tuple[Choice, ...]
    outcome_rules: tuple[OutcomeRule, ...]
    outcome_rules_note: str
    outcome_rules_source: str

    def criterion(self, key: str) -> Criterion:
        """The criterion with this key; KeyError names the valid keys."""
        for c in self.criteria:
            if c.key == key:
                return c
        raise KeyError(f"No criterion {key!r}; criteria: {', '.join(self.criterion_keys())}.")

    def criterion_keys(self) -> list[str]:
        return [c.key for c in self.criteria]

    def in_group(self, group: str) -> list[Criterion]:
        return [c for c in self.criteria if c.group == group]

    def evidence_type_title(self, key: str) -> str:
        return next((t.title for t in self.evidence_types if t.key == key), key)

    def source_titles(self, text: str) -> str:
        """The readable titles of the comma-separated source keys in `text`."""
        keys = [k.strip() for k in text.split(",") if k.strip()]
        return "; ".join(self.sources[k].title for k in keys if k in self.sources)


# Folders of criteria files besides the shipped ones (tests add a revised version this way).
_EXTRA_DIRS: list[Traversable] = []


def _package_dir() -> Traversable:
    return resources.files("sendready.domain.inspection").joinpath("data", "criteria")


def _files() -> dict[str, Traversable]:
    found = {}
    for folder in [_package_dir(), *_EXTRA_DIRS]:
        for p in folder.iterdir():
            if p.name.startswith("criteria-") and p.name.endswith(".json"):
                found[p.name.removeprefix("criteria-").removesuffix(".json")] = p
    return found


@contextmanager
def extra_criteria(folder: Traversable) -> Iterator[None]:
    """Load criteria files from `folder` as well as the shipped ones, while the block runs."""
    _EXTRA_DIRS.append(folder)
    _load.cache_clear()
    try:
        yield
    finally:
        _EXTRA_DIRS.remove(folder)
        _load.cache_clear()


def list_versions() -> list[str]:
    """Versions of the criteria, oldest first."""
    return sorted(_files())


def load_criteria(version: str) -> CriteriaSet:
    """Load and check one version of the criteria."""
    if version not in list_versions():
        raise UnknownCriteria(
            f"There are no evaluation criteria version {version!r}. "
            f"Versions: {', '.join(list_versions())}."
        )
    return _load(version)


def latest_for(framework: str) -> CriteriaSet:
    """The newest criteria version for a framework."""
    found = [load_criteria(v) for v in list_versions()]
    matching = [c for c in found if c.framework == framework]
    if not matching:
        raise UnknownCriteria(f"No evaluation criteria are shipped for framework {framework!r}.")
    return max(matching, key=lambda c: (c.revised or c.in_force, c.version))


@cache
def _load(version: str) -> CriteriaSet:
    raw = json.loads(_files()[version].read_text(encoding="utf-8"))
    criteria = _parse(raw)
    _check(criteria)
    return criteria


def _parse(raw: dict) -> CriteriaSet:
    rules = raw["outcome_rules"]
    return CriteriaSet(
        version=raw["version"],
        framework=raw["framework"],
        title=raw["title"],
        in_force=raw["in_force"],
        revised=raw.get("revised", ""),
        note=raw.get("note", ""),
        sources={k: Source(k, v["title"], v.get("url", "")) for k, v in raw["sources"].items()},
        groups=tuple(Group(**g) for g in raw["groups"]),
        criteria=tuple(Criterion(**c) for c in raw["criteria"]),
        questions=tuple(Choice(**q) for q in raw["questions"]),
        evidence_types=tuple(Choice(**t) for t in raw["evidence_types"]),
        outcome_rules=tuple(OutcomeRule(**r) for r in rules["rules"]),
        outcome_rules_note=rules["note"],
        outcome_rules_source=rules["source"],
    )


def _check(cs: CriteriaSet) -> None:
    groups = {g.key for g in cs.groups}
    seen: set[str] = set()
    for c in cs.criteria:
        where = f"criteria {cs.version}, criterion {c.key}"
        if c.key in seen:
            raise CriteriaDataError(f"{where}: the key is used twice.")
        seen.add(c.key)
        if c.group not in groups:
            raise CriteriaDataError(f"{where}: unknown group {c.group!r}.")
        if c.informs not in INFORMS:
            raise CriteriaDataError(f"{where}: informs must be one of {INFORMS}.")
        if c.status not in STATUSES:
            raise CriteriaDataError(f"{where}: status must be one of {STATUSES}.")
        unknown = [k.strip() for k in c.source.split(",") if k.strip() not in cs.sources]
        if unknown:
            raise CriteriaDataError(f"{where}: unknown sources {unknown}.")
    if not cs.outcome_rules or cs.outcome_rules[-1].when:
        raise CriteriaDataError(f"criteria {cs.version}: the last outcome rule must always apply.")


@dataclass(frozen=True)
class CarryOver:
    """What moving a self-evaluation from one criteria version to another keeps and loses."""

    kept: tuple[str, ...]  # keys in both versions: their answers are copied
    dropped: tuple[str, ...]  # keys the new version no longer has
    added: tuple[str, ...]  # keys new in the new version: to be answered afresh


def carry_over(old: CriteriaSet, new: CriteriaSet) -> CarryOver:
    """The criteria whose keys carry over from `old` to `new`, those dropped and those added."""
    old_keys, new_keys = old.criterion_keys(), new.criterion_keys()
    return CarryOver(
        kept=tuple(k for k in new_keys if k in old_keys),
        dropped=tuple(k for k in old_keys if k not in new_keys),
        added=tuple(k for k in new_keys if k not in old_keys),
    )
