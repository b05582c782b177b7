"""Recorded inspection outcomes: check them against the framework and date their follow-ups.

One rule for the timeline page, `sendready timeline --outcome` and any later command: only the
recorded outcome's follow-ups remain, dated from the real report date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from sendready.domain.history.events import RECORDED_SOURCE, HistoryEvent
from sendready.domain.inspection.frameworks import (
    Framework,
    OutcomeOption,
    UnknownFramework,
    load_framework,
)
from sendready.domain.inspection.timeline import TimelineError, resolve_offset

SUFFICIENT, INSUFFICIENT = "sufficient", "insufficient"
JUDGEMENTS = (SUFFICIENT, INSUFFICIENT)


class OutcomeError(TimelineError):
    """A recorded outcome the framework cannot accept; `field` names the box that is wrong."""


@dataclass(frozen=True)
class RecordedOutcome:
    """What the report said: the outcome key, its numbers and, for a re-visit, each weakness's judgement."""

    key: str
    report_date: dt.date
    counts: Mapping[str, int] = field(default_factory=dict)
    judgements: Mapping[int, str] = field(default_factory=dict)
    findings: str = ""


@dataclass(frozen=True)
class FollowUp:
    """A step the recorded outcome brings, dated from the real report date."""

    key: str
    title: str
    date: dt.date

    def as_dict(self) -> dict:
        """JSON-ready values."""
        return {"key": self.key, "title": self.title, "date": self.date.isoformat()}


def _framework(name: str) -> Framework:
    try:
        return load_framework(name)
    except UnknownFramework as exc:
        raise OutcomeError(str(exc), field="framework") from exc


def outcome_option(framework_name: str, key: str) -> OutcomeOption:
    """The framework's outcome with this key, or an OutcomeError listing the keys it has."""
    fw = _framework(framework_name)
    for option in fw.outcomes:
        if option.key == key:
            return option
    valid = ", ".join(f"{o.key} ({o.title.lower()})" for o in fw.outcomes) or "none"
    raise OutcomeError(
        f"{fw.title} has no outcome called {key!r}. Outcomes it defines: {valid}.", field="outcome"
    )


def check_outcome(
    framework_name: str, outcome: RecordedOutcome, weaknesses_recorded: int | None = None
) -> RecordedOutcome:
    """Check a recorded outcome; return it with counts worked out from per-weakness judgements.

    `weaknesses_recorded` is the number of significant weaknesses the area's inspection found,
    when known: a re-visit cannot judge a weakness that was never recorded."""
    option = outcome_option(framework_name, outcome.key)
    counts = dict(outcome.counts)
    if outcome.judgements:
        counts = _counts_from_judgements(outcome.judgements, weaknesses_recorded)
    known = {c.name: c for c in option.counts}
    for name, value in counts.items():
        if name not in known:
            raise OutcomeError(
                f"'{option.title}' does not record a number called {name!r}.", field=name
            )
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise OutcomeError(
                f"{known[name].label} must be a whole number of 0 or more.", field=name
            )
    for count in option.counts:
        value = counts.get(count.name, 0)
        if value < count.minimum:
            raise OutcomeError(
                f"'{option.title}' needs at least {count.minimum} "
                f"{count.label.lower()}; you entered {value}.",
                field=count.name,
            )
        if count.maximum is not None and value > count.maximum:
            raise OutcomeError(
                f"'{option.title}' has no more than {count.maximum} "
                f"{count.label.lower()}; you entered {value}. Check the outcome.",
                field=count.name,
            )
    return RecordedOutcome(
        key=outcome.key,
        report_date=outcome.report_date,
        counts=counts,
        judgements=dict(outcome.judgements),
        findings=outcome.findings,
    )


def _counts_from_judgements(judgements: Mapping[int, str], recorded: int | None) -> dict[str, int]:
    for number, judgement in sorted(judgements.items()):
        if judgement not in JUDGEMENTS:
            raise OutcomeError(
                f"Area of weakness {number}: write sufficient or insufficient, not {judgement!r}.",
                field="judgements",
            )
        if number < 1 or (recorded is not None and number > recorded):
            limit = (
                f"only {recorded} were recorded at the inspection"
                if recorded is not None
                else "areas are numbered from 1"
            )
            raise OutcomeError(
                f"Area of weakness {number} was not recorded: {limit}. "
                "Check the numbers against the written statement of action.",
                field="judgements",
            )
    values = list(judgements.values())
    return {
        "sufficient_areas": values.count(SUFFICIENT),
        "insufficient_areas": values.count(INSUFFICIENT),
    }


def follow_ups(
    framework_name: str,
    outcome_key: str,
    report_date: dt.date,
    settings: Mapping[str, int] | None = None,
) -> list[FollowUp]:
    """The steps an outcome brings, dated from the real report date, in date order."""
    option = outcome_option(framework_name, outcome_key)
    fw = _framework(framework_name)
    values = {name: s.default for name, s in fw.settings.items()} | dict(settings or {})
    if fw.report_step is None:
        return []
    dates = {fw.report_step: report_date, f"{fw.report_step}.end": report_date}
    found: list[FollowUp] = []
    for step in fw.steps:
        if step.start.anchor not in dates or step.key in dates:
            continue
        day, _ = resolve_offset(step.start, dates, values, deadline=step.deadline)
        dates[step.key] = dates[f"{step.key}.end"] = day
        if step.outcomes is None or option.key in step.outcomes:
            found.append(FollowUp(key=step.key, title=step.title, date=day))
    return sorted(found, key=lambda f: f.date)


# How a recorded inspection reads in the national history: framework and kind of event.
HISTORY_KINDS = {
    "2016-inspection": ("2016", "full"),
    "2016-revisit": ("2016", "revisit"),
    "2023-full": ("2023", "full"),
    "2023-monitoring": ("2023", "monitoring"),
}


def history_outcome(framework_name: str, key: str, counts: Mapping[str, int]) -> str | None:
    """The national history's outcome code for a recorded outcome (WSOA, SOME_SUFFICIENT, POSITIVE...)."""
    if framework_name == "2016-inspection":
        return "WSOA" if key == "wsoa" else "NO_WSOA"
    if framework_name == "2016-revisit":
        if key == "sufficient":
            return "ALL_SUFFICIENT"
        return "SOME_SUFFICIENT" if counts.get("sufficient_areas") else "NONE_SUFFICIENT"
    if framework_name == "2023-full":
        return key.upper()
    return None


def as_history_event(
    framework_name: str,
    area_code: str,
    area_name: str,
    onsite_start: dt.date | None,
    outcome: RecordedOutcome,
) -> HistoryEvent:
    """A recorded inspection as an event of the national history, so the forecast can use it."""
    framework, kind = HISTORY_KINDS[framework_name]
    counts = outcome.counts
    areas = counts.get("weaknesses", counts.get("priority_action_areas"))
    return HistoryEvent(
        area_code=area_code,
        area_name=area_name,
        framework=framework,
        kind=kind,
        start_date=onsite_start,
        publication_date=outcome.report_date,
        outcome=history_outcome(framework_name, outcome.key, counts),
        n_weaknesses_or_priority_areas=areas,
        revisit_n_sufficient=counts.get("sufficient_areas") if kind == "revisit" else None,
        revisit_n_insufficient=counts.get("insufficient_areas") if kind == "revisit" else None,
        source=RECORDED_SOURCE,
    )
