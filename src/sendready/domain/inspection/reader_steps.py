"""The steps of an inspection as partners and families read them: public wording only, and what follows
the outcome said once, plainly, until the outcome is recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from sendready.domain.dates.workdays import long_date
from sendready.domain.inspection.frameworks import ACTORS, Framework


class DatedStep(Protocol):
    """What is read from a milestone (the domain's TimelineMilestone and the stored Milestone fit)."""

    @property
    def key(self) -> str: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def end_date(self) -> dt.date | None: ...
    @property
    def time(self) -> dt.time | None: ...


@dataclass(frozen=True)
class ReaderStep:
    """One dated step in words written for readers, never for app users."""

    key: str
    title: str
    text: str
    date: dt.date
    end_date: dt.date | None
    time: dt.time | None
    phase: str
    who: str
    end_time: dt.time | None = None


def reader_steps(
    framework: Framework, milestones: Iterable[DatedStep], outcome: str | None
) -> list[ReaderStep]:
    """The steps with public wording, in date order. Steps that depend on the outcome are left out
    until it is recorded (`after_report` says what follows once instead); then only those the
    recorded outcome brings are kept."""
    steps = []
    for milestone in milestones:
        try:
            step = framework.step(milestone.key)
        except KeyError:
            continue  # a step of an older version of the framework: its wording is not known
        if step.public is None:
            continue
        if step.outcomes is not None and (outcome is None or outcome not in step.outcomes):
            continue
        steps.append(
            ReaderStep(
                key=step.key,
                title=step.public.title,
                text=step.public.text,
                date=milestone.date,
                end_date=milestone.end_date,
                time=milestone.time,
                phase=step.phase,
                who=ACTORS.get(step.actor, ""),
                end_time=getattr(milestone, "end_time", None),
            )
        )
    return sorted(steps, key=lambda s: (s.date, s.time or dt.time(0)))


def after_report(
    framework: Framework, steps: Iterable[ReaderStep], outcome: str | None
) -> list[str]:
    """What happens after the visit, one plain sentence a line: the dated steps after it (the report,
    and once the outcome is recorded its follow-ups), then, until the outcome is recorded, the one
    sentence that says what the partnership will do after the report."""
    lines = [step_sentence(s) for s in steps if s.phase == "after"]
    if outcome is None and framework.public.after_report:
        lines.append(framework.public.after_report)
    return lines


def step_sentence(step: ReaderStep) -> str:
    """ "Inspection report published – Friday 14 November 2025. Ofsted and the CQC publish ..." """
    text = f" {step.text}" if step.text else ""
    return f"{step.title} – {long_date(step.date)}.{text}"
