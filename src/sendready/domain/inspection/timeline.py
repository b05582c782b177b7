"""Turn a framework and a notification date into dated milestones, with council-friendly checks."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from dateutil.relativedelta import relativedelta

from sendready.domain.dates.countdowns import countdown
from sendready.domain.dates.workdays import (
    add_working_days,
    bank_holiday_name,
    clock,
    is_working_day,
    long_date,
    next_working_day,
    non_working_reason,
    on_or_after,
    previous_working_day,
    to_london,
)
from sendready.domain.inspection.frameworks import (
    ACTORS,
    BASE_ANCHOR,
    Framework,
    Offset,
    Step,
    UnknownFramework,
    load_framework,
)

__all__ = ["TimelineMilestone", "Timeline", "TimelineError", "build_timeline", "countdown"]


class TimelineError(ValueError):
    """A date or setting a council officer entered cannot make a sensible timeline.

    `field` names what was wrong ("framework", "notified", "settings", "outcome", or a date such
    as "onsite_end"), so a form can show the message beside the right box."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class TimelineMilestone:
    """One dated step: a day, or a window from `date` to `end_date`; `time` is London time.

    `overridden` means a real (actual) date was entered; `note` says why a date was moved."""

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
    note: str | None = None

    @property
    def actor_label(self) -> str:
        """Who acts, in words."""
        return ACTORS.get(self.actor, self.actor)

    def as_dict(self) -> dict:
        """JSON-ready values: ISO dates, "HH:MM" times, None for unknowns."""
        data = asdict(self)
        data["settings_used"] = list(self.settings_used)
        data["actual"] = self.overridden
        for name in ("date", "end_date"):
            data[name] = data[name].isoformat() if data[name] else None
        for name in ("time", "end_time"):
            data[name] = clock(data[name]) if data[name] else None
        return data


@dataclass(frozen=True)
class Timeline:
    """Milestones in date order for one inspection, plus the settings used and any warnings.

    `real_dates_needed` lists steps whose computed calendar week holds a bank holiday."""

    framework: str
    framework_title: str
    notified: dt.date
    milestones: list[TimelineMilestone]
    settings: dict[str, int]
    warnings: list[str] = field(default_factory=list)
    outcome: str | None = None
    real_dates_needed: list[str] = field(default_factory=list)

    def milestone(self, key: str) -> TimelineMilestone:
        """The milestone with this key."""
        for milestone in self.milestones:
            if milestone.key == key:
                return milestone
        raise KeyError(key)


def build_timeline(
    framework_name: str,
    notified: dt.date,
    overrides: Mapping[str, dt.date | str] | None = None,
    settings: Mapping[str, int] | None = None,
    outcome: str | None = None,
) -> Timeline:
    """Date every step of a framework from the notification date.

    `overrides` pin real dates by step key: "onsite_start" (or "onsite"), "onsite_end",
    "report_published"...; steps anchored on them move too. `settings` replace defaults by name.
    `outcome`, once recorded, keeps only the follow-ups that outcome brings.
    """
    if isinstance(notified, dt.datetime):
        notified = to_london(notified).date()
    try:
        fw = load_framework(framework_name)
    except UnknownFramework as exc:
        raise TimelineError(str(exc), field="framework") from exc
    _check_outcome_key(fw, outcome)
    warnings: list[str] = []
    _check_notification(fw, notified, warnings)
    values = _settings(fw, settings or {})
    pins = _overrides(fw, overrides or {})
    dates: dict[str, dt.date] = {BASE_ANCHOR: notified}
    made: list[TimelineMilestone] = []
    needed: list[str] = []
    for step in fw.steps:
        start, end, used, pinned, note = _place(fw, step, dates, values, pins, notified, warnings)
        dates[step.key], dates[f"{step.key}.end"] = start, end or start
        if step.outcomes is not None and outcome is not None and outcome not in step.outcomes:
            continue
        if not pinned and _holds_bank_holiday(fw, step, start, end, warnings):
            needed.append(step.key)
        if note:
            warnings.append(f"{step.title}: {note}")
        made.append(
            TimelineMilestone(
                key=step.key,
                title=step.title,
                description=step.description,
                date=start,
                end_date=end,
                time=step.start.time,
                end_time=step.end.time if step.end else None,
                actor=step.actor,
                source=step.source,
                status=step.status,
                phase=step.phase,
                condition=step.condition,
                settings_used=used,
                overridden=pinned,
                note=note,
            )
        )
    order = {step.key: i for i, step in enumerate(fw.steps)}
    made.sort(key=lambda m: (m.date, m.time or dt.time.min, order[m.key]))
    return Timeline(
        framework=fw.name,
        framework_title=fw.title,
        notified=notified,
        milestones=made,
        settings=values,
        warnings=warnings,
        outcome=outcome,
        real_dates_needed=needed,
    )


def _check_outcome_key(fw: Framework, outcome: str | None) -> None:
    if outcome is None or any(o.key == outcome for o in fw.outcomes):
        return
    valid = ", ".join(f"{o.key} ({o.title.lower()})" for o in fw.outcomes) or "none"
    raise TimelineError(
        f"{fw.title} has no outcome called {outcome!r}. Outcomes it defines: {valid}.",
        field="outcome",
    )


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
    if wanted is None or notified.weekday() == wanted or fw.monday_rule == "none":
        return
    # The first working day of a week after a bank holiday Monday is a normal notification day
    # (Gateshead was told on Tuesday 9 May 2023, after the Coronation bank holiday).
    usual = notified - dt.timedelta(days=notified.weekday() - wanted)
    if usual < notified and all(
        not is_working_day(usual + dt.timedelta(days=i)) for i in range((notified - usual).days)
    ):
        return
    message = (
        f"{long_date(notified)} is not a {calendar.day_name[wanted]}. "
        f"{fw.monday_note} Check the notification date."
    )
    if fw.monday_rule == "error":
        raise TimelineError(message, field="notified")
    warnings.append(message)


def _settings(fw: Framework, given: Mapping[str, int]) -> dict[str, int]:
    unknown = sorted(set(given) - set(fw.settings))
    if unknown:
        valid = ", ".join(fw.settings) or "none"
        raise TimelineError(
            f"{fw.title} has no setting called {', '.join(unknown)}. "
            f"Settings you can change: {valid}.",
            field="settings",
        )
    values = {name: s.default for name, s in fw.settings.items()}
    for name, value in given.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise TimelineError(
                f"The setting {name} ({fw.settings[name].label.lower()}) must be "
                f"a whole number of 0 or more, not {value!r}.",
                field="settings",
            )
        values[name] = value
    return values


def date_names(fw: Framework) -> list[str]:
    """Every name a real date can be entered under: a step key, or its _start and _end."""
    return [
        n
        for s in fw.steps
        for n in (
            (f"{s.key}_start", f"{s.key}_end") if s.end or s.duration is not None else (s.key,)
        )
    ]


def _overrides(fw: Framework, given: Mapping[str, dt.date | str]) -> dict[str, dt.date]:
    keys = {step.key for step in fw.steps}
    pins: dict[str, dt.date] = {}
    for name, value in given.items():
        base = name.removesuffix("_start").removesuffix("_end")
        if base not in keys:
            raise TimelineError(
                f"{fw.title} has no date called {name!r}. "
                f"Dates you can set: {', '.join(date_names(fw))}.",
                field="actual",
            )
        try:
            day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        except ValueError as exc:
            raise TimelineError(
                f"{name}: {value!r} is not a date (use YYYY-MM-DD).", field=name
            ) from exc
        pins[base + ("_end" if name.endswith("_end") else "")] = day
    return pins


def _place(
    fw: Framework,
    step: Step,
    dates: dict[str, dt.date],
    values: dict[str, int],
    pins: dict[str, dt.date],
    notified: dt.date,
    warnings: list[str],
) -> tuple[dt.date, dt.date | None, tuple[str, ...], bool, str | None]:
    """Start and end dates of one step, applying pinned real dates and checking their order."""
    used = tuple(
        a
        for a in (step.start.amount, step.end and step.end.amount, step.duration)
        if isinstance(a, str)
    )
    note = None
    if step.key in pins:
        start = pins[step.key]
        _check_pinned(
            step,
            start,
            dates[step.start.anchor],
            step.start.anchor,
            notified,
            warnings,
            f"{step.key}_start" if step.end or step.duration is not None else step.key,
        )
    else:
        start, note = resolve_offset(
            step.start,
            dates,
            values,
            deadline=step.deadline,
            window_end=not (step.end or step.duration is not None),
        )
    end: dt.date | None = None
    if step.end:
        end, _ = resolve_offset(step.end, {**dates, step.key: start}, values, window_end=True)
        end = max(end, start)
    elif step.duration is not None:
        days = _amount(step.duration, values)
        end = add_working_days(on_or_after(start), max(days - 1, 0))
    if f"{step.key}_end" in pins:
        if end is None:
            raise TimelineError(
                f"'{step.title}' is a single day, so it has no end date to set.",
                field=f"{step.key}_end",
            )
        end = pins[f"{step.key}_end"]
        _check_pinned(step, end, notified, BASE_ANCHOR, notified, warnings, f"{step.key}_end")
    if end is not None and end < start:
        raise TimelineError(
            f"'{step.title}' ends on {long_date(end)} but starts on {long_date(start)}. "
            "The last day must be on or after the first day.",
            field=f"{step.key}_end",
        )
    pinned = step.key in pins or f"{step.key}_end" in pins
    return start, end, used, pinned, note


def _check_pinned(
    step: Step,
    day: dt.date,
    anchor_day: dt.date,
    anchor: str,
    notified: dt.date,
    warnings: list[str],
    field: str,
) -> None:
    if day < notified:
        raise TimelineError(
            f"'{step.title}' is set to {long_date(day)}, which is before the "
            f"notification on {long_date(notified)}. Check both dates.",
            field=field,
        )
    if day < anchor_day:
        raise TimelineError(
            f"'{step.title}' is set to {long_date(day)}, which is before the step "
            f"it follows ({anchor.removesuffix('.end').replace('_', ' ')}) on "
            f"{long_date(anchor_day)}. Check both dates.",
            field=field,
        )
    if not is_working_day(day):
        warnings.append(
            f"'{step.title}' is set to {long_date(day)}, which is "
            f"{non_working_reason(day)}, not a working day."
        )


def _amount(amount: int | str | None, values: dict[str, int]) -> int:
    return values[amount] if isinstance(amount, str) else int(amount or 0)


def resolve_offset(
    point: Offset,
    dates: dict[str, dt.date],
    values: dict[str, int],
    deadline: bool = False,
    window_end: bool = False,
) -> tuple[dt.date, str | None]:
    """Date of an offset from an already-dated anchor, and a note when the day had to move.

    Calendar units land on a working day: a window's first day moves forward; a deadline, a
    one-day meeting or a window's last day moves back to the working day before, so it stays in
    its week (work is due before the holiday)."""
    base, n = dates[point.anchor], _amount(point.amount, values)
    if point.unit == "working_days":
        return add_working_days(base, n), None
    if point.unit == "months":
        day = base + relativedelta(months=n)  # 31 January + 1 month is 28 (or 29) February
    elif point.unit == "days_from_monday":
        day = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=n)
        day = max(day, base)
    else:
        day = base + dt.timedelta(days=n * 7 if point.unit == "weeks" else n)
    if is_working_day(day):
        return day, None
    if deadline:
        moved = previous_working_day(day)
        return moved, (
            f"Due {long_date(moved)} because the usual day, {long_date(day)}, is "
            f"{non_working_reason(day)}: a deadline on a bank holiday moves to the "
            "working day before."
        )
    if window_end and point.unit == "days_from_monday":
        return previous_working_day(day), None
    return on_or_after(day), None


def _holds_bank_holiday(
    fw: Framework, step: Step, start: dt.date, end: dt.date | None, warnings: list[str]
) -> bool:
    """Warn when a computed calendar-week step (on site, fieldwork) holds a bank holiday."""
    if step.deadline or step.start.unit not in ("days_from_monday", "calendar_days"):
        return False
    first = start
    while first.weekday() > 0 and bank_holiday_name(first - dt.timedelta(days=1)):
        first -= dt.timedelta(days=1)  # the step moved forward off a holiday: that day counts
    last = end or start
    while end and last.weekday() < 4 and bank_holiday_name(last + dt.timedelta(days=1)):
        last += dt.timedelta(days=1)  # a window's last day moved back off a holiday
    holidays = [
        d
        for d in (first + dt.timedelta(days=i) for i in range((last - first).days + 1))
        if bank_holiday_name(d)
    ]
    if not holidays:
        return False
    names = ", ".join(f"{bank_holiday_name(d)} ({long_date(d)})" for d in holidays)
    warnings.append(
        f"'{step.title}' is worked out for a week that holds {names}. "
        f"{fw.week_note or 'Inspectors may change the dates that week.'} "
        "Enter the real dates when inspectors confirm them."
    )
    return True
