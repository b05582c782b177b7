"""Recorded outcomes: announced by inspections, followed by plans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sendready.areas.models import LocalArea


@dataclass(frozen=True)
class OutcomeRecorded:
    """A report's outcome as just recorded (or recorded again) on an inspection."""

    area: LocalArea
    inspection_pk: int | None  # None: an outcome from before the area kept its inspections here
    framework: str
    outcome_key: str
    report_date: dt.date
    counts: dict[str, int] = field(default_factory=dict)
    judgements: dict[int, str] = field(default_factory=dict)  # re-visits: area number -> judgement
    findings: str = ""


OutcomeListener = Callable[..., object]  # listener(*, outcome, actor, request)
_OUTCOME_LISTENERS: list[OutcomeListener] = []


def register_outcome_listener(listener: OutcomeListener) -> None:
    """Follow recorded outcomes; the listener runs inside the transaction that records one."""
    if listener not in _OUTCOME_LISTENERS:
        _OUTCOME_LISTENERS.append(listener)


def announce_outcome(*, outcome: OutcomeRecorded, actor, request=None) -> None:
    """Tell every listener, inside the recording's transaction: an error undoes the recording."""
    for listener in _OUTCOME_LISTENERS:
        listener(outcome=outcome, actor=actor, request=request)
