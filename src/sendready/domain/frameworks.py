"""Inspection frameworks as data: steps, anchors, offsets and overridable settings, from JSON files."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

STATUSES = ("confirmed", "derived", "secondary", "unconfirmed")
UNITS = ("working_days", "calendar_days", "weeks", "months")
PHASES = ("notice", "onsite", "after")
MONDAY_RULES = ("none", "warning", "error")
ACTORS = {
    "inspectors": "Inspectors (Ofsted and CQC)",
    "lano": "Local area nominated officer (LANO)",
    "leaders": "Local area leaders",
    "partnership": "Local area partnership",
    "pcf": "Parent carer forum",
    "families": "Children, young people and families",
    "practitioners": "Practitioners",
    "dfe": "Department for Education and NHS England",
}
BASE_ANCHOR = "notified"


class UnknownFramework(LookupError):
    """Raised when a framework name is not one of the shipped framework files."""


class FrameworkDataError(ValueError):
    """Raised when a shipped framework file breaks the schema (a bug in the data, not user input)."""


@dataclass(frozen=True)
class Setting:
    """A number the rules do not fix for certain: has a default and can be overridden by name."""

    name: str
    label: str
    default: int
    unit: str
    status: str
    source: str
    note: str = ""


@dataclass(frozen=True)
class Offset:
    """A point in time: `amount` (a number or a setting name) in `unit` after `anchor`."""

    anchor: str
    amount: int | str
    unit: str = "working_days"
    time: dt.time | None = None


@dataclass(frozen=True)
class Step:
    """One dated step of a framework; `end` or `duration` make it a window of several days."""

    key: str
    title: str
    description: str
    start: Offset
    actor: str
    phase: str
    source: str
    status: str
    end: Offset | None = None
    duration: int | str | None = None
    condition: str | None = None


@dataclass(frozen=True)
class Framework:
    """A framework's steps in dependency order, with its settings and the notification weekday rule."""

    name: str
    title: str
    summary: str
    notification_weekday: int | None
    monday_rule: str
    monday_note: str
    sources: dict[str, str]
    settings: dict[str, Setting]
    steps: tuple[Step, ...]

    def step(self, key: str) -> Step:
        """The step with this key."""
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)


def _package_dir():
    return resources.files("sendready.domain").joinpath("data", "frameworks")


def list_frameworks() -> list[str]:
    """Names of the shipped frameworks, sorted."""
    return sorted(p.name.removesuffix(".json") for p in _package_dir().iterdir()
                  if p.name.endswith(".json"))


def load_framework(name: str) -> Framework:
    """Load and check one framework by name; raise UnknownFramework naming the valid ones."""
    names = list_frameworks()
    if name not in names:
        raise UnknownFramework(
            f"There is no inspection framework called {name!r}. Choose one of: {', '.join(names)}."
        )
    return _load(name)


@cache
def _load(name: str) -> Framework:
    raw = json.loads(_package_dir().joinpath(f"{name}.json").read_text(encoding="utf-8"))
    return _parse(name, raw)


def _time(value: str | None, where: str) -> dt.time | None:
    if value is None:
        return None
    try:
        return dt.time.fromisoformat(value)
    except ValueError as exc:
        raise FrameworkDataError(f"{where}: time {value!r} is not HH:MM") from exc


def _offset(raw: dict, where: str) -> Offset:
    return Offset(anchor=raw.get("anchor", BASE_ANCHOR), amount=_amount(raw.get("offset", 0)),
                  unit=raw.get("unit", "working_days"), time=_time(raw.get("time"), where))


def _amount(value: int | dict | None) -> int | str | None:
    """Numbers stay numbers; {"setting": "x"} becomes the setting name "x"."""
    return value["setting"] if isinstance(value, dict) else value


def _parse(name: str, raw: dict) -> Framework:
    settings = {key: Setting(name=key, label=s["label"], default=int(s["default"]),
                             unit=s.get("unit", "working_days"), status=s["status"],
                             source=s["source"], note=s.get("note", ""))
                for key, s in raw.get("settings", {}).items()}
    steps = []
    for s in raw["steps"]:
        where = f"{name}.{s['key']}"
        steps.append(Step(
            key=s["key"], title=s["title"], description=s["description"],
            start=_offset(s, where), end=_offset(s["end"], where) if s.get("end") else None,
            duration=_amount(s.get("duration")), actor=s["actor"], phase=s["phase"],
            source=s["source"], status=s["status"], condition=s.get("condition")))
    note = raw.get("notification", {})
    weekday = note.get("weekday")
    framework = Framework(
        name=name, title=raw["title"], summary=raw["summary"],
        notification_weekday=None if weekday is None else int(weekday),
        monday_rule=note.get("rule", "none"), monday_note=note.get("note", ""),
        sources=raw.get("sources", {}), settings=settings, steps=tuple(steps))
    _check(framework)
    return framework


def _source_keys(text: str) -> list[str]:
    """Split "S4, S5" into its source keys."""
    return [k.strip() for k in text.split(",") if k.strip()]


def _check(fw: Framework) -> None:
    """Catch data mistakes early: unknown anchors, settings, actors, units or statuses."""
    seen = {BASE_ANCHOR}
    problems = []
    if fw.monday_rule not in MONDAY_RULES:
        problems.append(f"notification rule {fw.monday_rule!r}")
    for s in fw.settings.values():
        if s.status not in STATUSES or s.unit not in UNITS:
            problems.append(f"setting {s.name}: status/unit")
        problems += [f"setting {s.name}: source {k!r} not listed in sources"
                     for k in _source_keys(s.source) if k not in fw.sources]
    for step in fw.steps:
        points = [step.start] + ([step.end] if step.end else [])
        for point in points:
            if point.anchor.removesuffix(".end") not in seen:
                problems.append(f"{step.key}: anchor {point.anchor!r} is not an earlier step")
            if point.unit not in UNITS:
                problems.append(f"{step.key}: unit {point.unit!r}")
        for amount in [p.amount for p in points] + [step.duration]:
            if isinstance(amount, str) and amount not in fw.settings:
                problems.append(f"{step.key}: unknown setting {amount!r}")
        if step.actor not in ACTORS or step.phase not in PHASES or step.status not in STATUSES:
            problems.append(f"{step.key}: actor/phase/status")
        problems += [f"{step.key}: source {k!r} not listed in sources"
                     for k in _source_keys(step.source) if k not in fw.sources]
        if step.key in seen:
            problems.append(f"{step.key}: duplicate key")
        seen.add(step.key)
    if problems:
        raise FrameworkDataError(f"Framework {fw.name}: " + "; ".join(problems))
