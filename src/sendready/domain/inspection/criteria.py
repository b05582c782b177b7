"""A framework's evaluation criteria as versioned data: groups, criteria, key questions, evidence types.

Each version is one JSON file in data/criteria/ with its sources; a revised framework is a new file
beside the old one, and every self-evaluation records the version it answers."""

from __future__ import annotations

import json
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


def _package_dir() -> Traversable:
    return resources.files("sendready.domain.inspection").joinpath("data", "criteria")


def list_versions() -> list[str]:
    """Versions of the shipped criteria, oldest first."""
    return sorted(
        p.name.removeprefix("criteria-").removesuffix(".json")
        for p in _package_dir().iterdir()
        if p.name.startswith("criteria-") and p.name.endswith(".json")
    )


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
    path = _package_dir().joinpath(f"criteria-{version}.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
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
