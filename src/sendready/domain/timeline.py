"""Turn a framework and a notification date into dated milestones, with council-friendly checks."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from sendready.domain.frameworks import (
    ACTORS,
    BASE_ANCHOR,
    Framework,
    Offset,
    Step,
    UnknownFramework,
    load_framework,
)
from sendready.domain.workdays import (
    LONDON,
    add_working_days,
    clock,
    is_working_day,
    long_date,
    next_working_day,
    non_working_reason,
    on_or_after,
    to_london,
    working_days_between,
)


class TimelineError(ValueError):
    """A date or setting a council officer entered cannot make a sensible timeline.

    `field` names what was wrong ("framework", "notified", "settings", or a date such as
    "onsite_end"), so a form can show the message beside the right box."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Milestone:
    """One dated step: a day, or a window from `date` to `end_date`; `time` is London time."""

    key: str
    title: str
    description: str
    date: dt.date
    end_date: dt.date | None
    time: dt.time | None
    actor: str
    source: str
    status: str
    end_time: dt.time | None = None
    phase: str = "notice"
    condition: str | None = None
    settings_used: tuple[str, ...] = ()
    overridden: bool = False

    @property
    def actor_label(self) -> str:
        """Who acts, in words."""
        return ACTORS.get(self.actor, self.actor)

    def as_dict(self) -> dict:
        """JSON-ready values: ISO dates, "HH:MM" times, None for unknowns."""
        data = asdict(self)
        data["settings_used"] = list(self.settings_used)
        for name in ("date", "end_date"):
            data[name] = data[name].isoformat() if data[name] else None
        for name in ("time", "end_time"):
            data[name] = clock(data[name]) if data[name] else None
        return data


@dataclass(frozen=True)
class Timeline:
    """Milestones in date order for one inspection, plus the settings used and any warnings."""

    framework: str
    framework_title: str
    notified: dt.date
    milestones: list[Milestone]
    settings: dict[str, int]
    warnings: list[str] = field(default_factory=list)

    def milestone(self, key: str) -> Milestone:
        """The milestone with this key."""
        for milestone in self.milestones:
            if milestone.key == key:
                return milestone
        raise KeyError(key)


def build_timeline(framework_name: str, notified: dt.date,
                   overrides: Mapping[str, dt.date | str] | None = None,
                   settings: Mapping[str, int] | None = None) -> Timeline:
    """Date every step of a framework from the notification date.

    `overrides` pin real dates by step key: "onsite_start" (or "onsite"), "onsite_end",
    "report_published"...; steps anchored on them move too. `settings` replace defaults by name.
    """
    if isinstance(notified, dt.datetime):
        notified = to_london(notified).date()
    try:
        fw = load_framework(framework_name)
    except UnknownFramework as exc:
        raise TimelineError(str(exc), field="framework") from exc
    warnings: list[str] = []
    _check_notification(fw, notified, warnings)
    values = _settings(fw, settings or {})
    pins = _overrides(fw, overrides or {})
    dates: dict[str, dt.date] = {BASE_ANCHOR: notified}
    made: list[Milestone] = []
    for step in fw.steps:
        start, end, used, pinned = _place(fw, step, dates, values, pins, notified, warnings)
        dates[step.key], dates[f"{step.key}.end"] = start, end or start
        made.append(Milestone(
            key=step.key, title=step.title, description=step.description, date=start,
            end_date=end, time=step.start.time, end_time=step.end.time if step.end else None,
            actor=step.actor, source=step.source, status=step.status, phase=step.phase,
            condition=step.condition, settings_used=used, overridden=pinned))
    order = {step.key: i for i, step in enumerate(fw.steps)}
    made.sort(key=lambda m: (m.date, m.time or dt.time.min, order[m.key]))
    return Timeline(framework=fw.name, framework_title=fw.title, notified=notified,
                    milestones=made, settings=values, warnings=warnings)


def _check_notification(fw: Framework, notified: dt.date, warnings: list[str]) -> None:
    reason = non_working_reason(notified)
    if reason:
        raise TimelineError(
            f"{long_date(notified, weekday=False)} is {reason}, not a working day; inspectors "
            f"notify on working days. Check the date of the call or email "
            f"(the next working day is {long_date(next_working_day(notified))}).",
            field="notified",
        )
    wanted = fw.notification_weekday
    if wanted is not None and notified.weekday() != wanted and fw.monday_rule != "none":
        message = (f"{long_date(notified)} is not a {calendar.day_name[wanted]}. "
                   f"{fw.monday_note} Check the notification date.")
        if fw.monday_rule == "error":
            raise TimelineError(message, field="notified")
        warnings.append(message)


def _settings(fw: Framework, given: Mapping[str, int]) -> dict[str, int]:
    unknown = sorted(set(given) - set(fw.settings))
    if unknown:
        valid = ", ".join(fw.settings) or "none"
        raise TimelineError(f"{fw.title} has no setting called {', '.join(unknown)}. "
                            f"Settings you can change: {valid}.", field="settings")
    values = {name: s.default for name, s in fw.settings.items()}
    for name, value in given.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise TimelineError(f"The setting {name} ({fw.settings[name].label.lower()}) must be "
                                f"a whole number of 0 or more, not {value!r}.", field="settings")
        values[name] = value
    return values


def _overrides(fw: Framework, given: Mapping[str, dt.date | str]) -> dict[str, dt.date]:
    keys = {step.key for step in fw.steps}
    pins: dict[str, dt.date] = {}
    for name, value in given.items():
        base = name.removesuffix("_start").removesuffix("_end")
        if base not in keys:
            names = [f"{s.key}_start, {s.key}_end" if s.end or s.duration is not None else s.key
                     for s in fw.steps]
            raise TimelineError(f"{fw.title} has no date called {name!r}. "
                                f"Dates you can set: {', '.join(names)}.")
        try:
            day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        except ValueError as exc:
            raise TimelineError(f"{name}: {value!r} is not a date (use YYYY-MM-DD).") from exc
        pins[base + ("_end" if name.endswith("_end") else "")] = day
    return pins


def _place(fw: Framework, step: Step, dates: dict[str, dt.date], values: dict[str, int],
           pins: dict[str, dt.date], notified: dt.date, warnings: list[str]
           ) -> tuple[dt.date, dt.date | None, tuple[str, ...], bool]:
    """Start and end dates of one step, applying pinned real dates and checking their order."""
    used = tuple(a for a in (step.start.amount, step.end and step.end.amount, step.duration)
                 if isinstance(a, str))
    start = pins.get(step.key) or _resolve(step.start, dates, values)
    if step.key in pins:
        _check_pinned(step, start, dates[step.start.anchor], step.start.anchor, notified, warnings,
                      f"{step.key}_start")
    end: dt.date | None = None
    if step.end:
        end = _resolve(step.end, dates, values)
    elif step.duration is not None:
        days = _amount(step.duration, values)
        end = add_working_days(on_or_after(start), max(days - 1, 0))
    if f"{step.key}_end" in pins:
        if end is None:
            raise TimelineError(f"'{step.title}' is a single day, so it has no end date to set.",
                                field=f"{step.key}_end")
        end = pins[f"{step.key}_end"]
        _check_pinned(step, end, notified, BASE_ANCHOR, notified, warnings, f"{step.key}_end")
    if end is not None and end < start:
        raise TimelineError(
            f"'{step.title}' ends on {long_date(end)} but starts on {long_date(start)}. "
            "The last day must be on or after the first day.", field=f"{step.key}_end")
    pinned = step.key in pins or f"{step.key}_end" in pins
    return start, end, used, pinned


def _check_pinned(step: Step, day: dt.date, anchor_day: dt.date, anchor: str,
                  notified: dt.date, warnings: list[str], field: str) -> None:
    if day < notified:
        raise TimelineError(f"'{step.title}' is set to {long_date(day)}, which is before the "
                            f"notification on {long_date(notified)}. Check both dates.", field=field)
    if day < anchor_day:
        raise TimelineError(f"'{step.title}' is set to {long_date(day)}, which is before the step "
                            f"it follows ({anchor}) on {long_date(anchor_day)}. Check both dates.",
                            field=field)
    if not is_working_day(day):
        warnings.append(f"'{step.title}' is set to {long_date(day)}, which is "
                        f"{non_working_reason(day)}, not a working day.")


def _amount(amount: int | str | None, values: dict[str, int]) -> int:
    return values[amount] if isinstance(amount, str) else int(amount or 0)


def _resolve(point: Offset, dates: dict[str, dt.date], values: dict[str, int]) -> dt.date:
    """Date of an offset from an already-dated anchor; calendar units land on a working day."""
    base, n = dates[point.anchor], _amount(point.amount, values)
    if point.unit == "working_days":
        return add_working_days(base, n)
    if point.unit == "months":
        month = base.month - 1 + n
        year, month = base.year + month // 12, month % 12 + 1
        day = min(base.day, calendar.monthrange(year, month)[1])
        return on_or_after(dt.date(year, month, day))
    days = n * 7 if point.unit == "weeks" else n
    return on_or_after(base + dt.timedelta(days=days))


def countdown(milestone: Milestone, now: dt.datetime) -> str:
    """How long until a milestone, in working days: "2 working days, 3 hours", "today at 12:00"."""
    now = to_london(now)
    today = now.date()
    end_day = milestone.end_date or milestone.date
    end_at = _moment(end_day, milestone.end_time if milestone.end_date else milestone.time)
    if now >= end_at:
        return "passed"
    start_at = dt.datetime.combine(milestone.date, milestone.time or dt.time.min, tzinfo=LONDON)
    if milestone.end_date and now >= start_at:
        until = long_date(end_day)
        return f"under way until {until} at {clock(milestone.end_time)}" if milestone.end_time \
            else f"under way until {until}"
    if milestone.time is None:
        if milestone.date == today:
            return "today"
        return _plural(working_days_between(today, milestone.date), "working day")
    if milestone.date == today:
        return f"today at {clock(milestone.time)}"
    days = working_days_between(today, milestone.date)
    seconds = (start_at.replace(tzinfo=None) - dt.datetime.combine(start_at.date(), now.time())
               ).total_seconds()
    if seconds < 0:
        days, seconds = days - 1, seconds + 86400
    hours, minutes = int(seconds // 3600), int(seconds % 3600 // 60)
    parts = [_plural(days, "working day")] if days > 0 else []
    if hours:
        parts.append(_plural(hours, "hour"))
    if not parts:
        parts.append(_plural(max(minutes, 1), "minute"))
    return ", ".join(parts)


def _moment(day: dt.date, time: dt.time | None) -> dt.datetime:
    """The instant a day (or a time on it) ends for countdown purposes, in London time."""
    if time is None:
        return dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=LONDON)
    return dt.datetime.combine(day, time, tzinfo=LONDON)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
