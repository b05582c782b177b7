"""Inspection frameworks as data: steps, anchors, offsets and overridable settings, from JSON files."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

STATUSES = ("confirmed", "derived", "secondary", "unconfirmed")
# "days_from_monday" counts calendar days from the Monday of the anchor's week, so steps keep their
# weekday: 14 is Monday of week 3, 10 is Thursday of week 2 (inspections run in calendar weeks).
UNITS = ("working_days", "calendar_days", "weeks", "months", "days_from_monday")
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
class Source:
    """Where a rule comes from: a short readable title and, when public, a link."""

    key: str
    title: str
    url: str = ""


@dataclass(frozen=True)
class Count:
    """A number recorded with an outcome (areas for priority action...), with the bounds it must keep."""

    name: str
    label: str
    minimum: int = 0
    maximum: int | None = None


@dataclass(frozen=True)
class OutcomeOption:
    """One outcome a framework defines, with the numbers recorded alongside it."""

    key: str
    title: str
    counts: tuple[Count, ...] = ()


@dataclass(frozen=True)
class Offset:
    """A point in time: `amount` (a number or a setting name) in `unit` after `anchor`."""

    anchor: str
    amount: int | str
    unit: str = "working_days"
    time: dt.time | None = None


@dataclass(frozen=True)
class PublicWording:
    """How a step reads in a document for partners or families; steps without one stay in the app.

    A step's `description` is written for people using sendready (it may say which date to enter);
    this wording is for people reading what the partnership sends them."""

    title: str
    text: str = ""


@dataclass(frozen=True)
class ReaderWording:
    """What a framework's documents for readers call its report, and the one plain sentence said
    about the follow-ups until the outcome is recorded."""

    report: str = "report"
    after_report: str = ""


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
    deadline: bool = False
    outcomes: tuple[str, ...] | None = None
    public: PublicWording | None = None


@dataclass(frozen=True)
class Framework:
    """A framework's steps in dependency order, with its settings and the notification weekday rule."""

    name: str
    title: str
    summary: str
    notification_weekday: int | None
    monday_rule: str
    monday_note: str
    sources: dict[str, Source]
    settings: dict[str, Setting]
    steps: tuple[Step, ...]
    outcomes: tuple[OutcomeOption, ...] = ()
    report_step: str | None = None
    week_note: str = ""
    public: ReaderWording = ReaderWording()

    def step(self, key: str) -> Step:
        """The step with this key."""
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)

    def outcome(self, key: str) -> OutcomeOption:
        """The outcome with this key."""
        for option in self.outcomes:
            if option.key == key:
                return option
        raise KeyError(key)

    def sources_of(self, text: str) -> list[Source]:
        """The sources named in a step's "S4, S5" field, as readable titles and links."""
        return [self.sources[k] for k in _source_keys(text) if k in self.sources]

    def source_titles(self, text: str) -> str:
        """A step's sources as readable titles, never internal keys."""
        return "; ".join(s.title for s in self.sources_of(text))


def _package_dir() -> Traversable:
    return resources.files("sendready.domain.inspection").joinpath("data")


def list_frameworks() -> list[str]:
    """Names of the shipped frameworks, sorted."""
    return sorted(
        p.name.removesuffix(".json") for p in _package_dir().iterdir() if p.name.endswith(".json")
    )


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
    return Offset(
        anchor=raw.get("anchor", BASE_ANCHOR),
        amount=_amount(raw.get("offset", 0)) or 0,
        unit=raw.get("unit", "working_days"),
        time=_time(raw.get("time"), where),
    )


def _amount(value: int | dict | None) -> int | str | None:
    """Numbers stay numbers; {"setting": "x"} becomes the setting name "x"."""
    return value["setting"] if isinstance(value, dict) else value


def _parse(name: str, raw: dict) -> Framework:
    settings = {
        key: Setting(
            name=key,
            label=s["label"],
            default=int(s["default"]),
            unit=s.get("unit", "working_days"),
            status=s["status"],
            source=s["source"],
            note=s.get("note", ""),
        )
        for key, s in raw.get("settings", {}).items()
    }
    steps = []
    for s in raw["steps"]:
        where = f"{name}.{s['key']}"
        steps.append(
            Step(
                key=s["key"],
                title=s["title"],
                description=s["description"],
                start=_offset(s, where),
                end=_offset(s["end"], where) if s.get("end") else None,
                duration=_amount(s.get("duration")),
                actor=s["actor"],
                phase=s["phase"],
                source=s["source"],
                status=s["status"],
                condition=s.get("condition"),
                deadline=bool(s.get("deadline", False)),
                outcomes=tuple(s["outcomes"]) if "outcomes" in s else None,
                public=PublicWording(**s["public"]) if "public" in s else None,
            )
        )
    note = raw.get("notification", {})
    weekday = note.get("weekday")
    framework = Framework(
        name=name,
        title=raw["title"],
        summary=raw["summary"],
        notification_weekday=None if weekday is None else int(weekday),
        monday_rule=note.get("rule", "none"),
        monday_note=note.get("note", ""),
        sources={k: _source(k, v) for k, v in raw.get("sources", {}).items()},
        settings=settings,
        steps=tuple(steps),
        outcomes=tuple(
            OutcomeOption(
                key=o["key"],
                title=o["title"],
                counts=tuple(_count(n, c) for n, c in o.get("counts", {}).items()),
            )
            for o in raw.get("outcomes", [])
        ),
        report_step=raw.get("report_step"),
        week_note=raw.get("week_note", ""),
        public=ReaderWording(**raw.get("public", {})),
    )
    _check(framework)
    return framework


def _count(name: str, raw: str | dict) -> Count:
    if isinstance(raw, str):
        return Count(name=name, label=raw)
    return Count(
        name=name, label=raw["label"], minimum=int(raw.get("min", 0)), maximum=raw.get("max")
    )


def _source(key: str, value: str | dict) -> Source:
    if isinstance(value, str):
        return Source(key=key, title=value)
    return Source(key=key, title=value["title"], url=value.get("url", ""))


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
        problems += [
            f"setting {s.name}: source {k!r} not listed in sources"
            for k in _source_keys(s.source)
            if k not in fw.sources
        ]
    for step in fw.steps:
        points = [step.start] + ([step.end] if step.end else [])
        for point in points:
            # A window's end may count from its own start (Friday of the week it starts in).
            own = point is step.end and point.anchor == step.key
            if point.anchor.removesuffix(".end") not in seen and not own:
                problems.append(f"{step.key}: anchor {point.anchor!r} is not an earlier step")
            if point.unit not in UNITS:
                problems.append(f"{step.key}: unit {point.unit!r}")
        for amount in [p.amount for p in points] + [step.duration]:
            if isinstance(amount, str) and amount not in fw.settings:
                problems.append(f"{step.key}: unknown setting {amount!r}")
        if step.actor not in ACTORS or step.phase not in PHASES or step.status not in STATUSES:
            problems.append(f"{step.key}: actor/phase/status")
        problems += [
            f"{step.key}: source {k!r} not listed in sources"
            for k in _source_keys(step.source)
            if k not in fw.sources
        ]
        outcome_keys = {o.key for o in fw.outcomes}
        problems += [
            f"{step.key}: unknown outcome {k!r}"
            for k in step.outcomes or ()
            if k not in outcome_keys
        ]
        if step.key in seen:
            problems.append(f"{step.key}: duplicate key")
        seen.add(step.key)
    if fw.report_step and fw.report_step not in seen:
        problems.append(f"report_step {fw.report_step!r} is not a step")
    if problems:
        raise FrameworkDataError(f"Framework {fw.name}: " + "; ".join(problems))
