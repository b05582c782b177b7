"""The evidence each tracked case needs (data/evidence.json) and when it is due, in working days from
the day the case was named (the timeline's framework setting, 2 by default), or from the dated steps of
the inspection the cases belong to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from sendready.domain.cases.groups import load_json
from sendready.domain.dates.workdays import add_working_days, working_days_between
from sendready.domain.inspection.frameworks import load_framework


@dataclass(frozen=True)
class EvidenceItem:
    key: str
    title: str
    owner_hint: str


@dataclass(frozen=True)
class AuditRole:
    key: str
    title: str
    agency: str


@cache
def evidence_items() -> tuple[EvidenceItem, ...]:
    """The checklist for one case, in the order inspectors list it."""
    return tuple(
        EvidenceItem(i["key"], i["title"], i["owner_hint"])
        for i in load_json("evidence.json")["items"]
    )


@cache
def audit_group_roles() -> tuple[AuditRole, ...]:
    """Who sits on the multi-agency audit group (the seed's example), with their agency."""
    return tuple(
        AuditRole(r["key"], r["title"], r["agency"])
        for r in load_json("evidence.json")["audit_group"]
    )


def default_due_days() -> int:
    """Working days after naming to send a case's documents: the framework setting's default."""
    data = load_json("evidence.json")
    return load_framework(data["framework"]).settings[data["due_setting"]].default


def documents_due(named_on: date, days: int | None = None) -> date:
    """The day a case's documents are due."""
    return add_working_days(named_on, default_due_days() if days is None else days)


# The inspection timeline's steps for naming tracked cases and for sending their documents.
NAMED_STEP = "tracked_cases_named"
DOCUMENTS_STEP = "tracked_case_documents"


@dataclass(frozen=True)
class InspectionDates:
    """When an inspection's timeline says cases are named and their documents due (either may be
    missing when the framework has no such step)."""

    named_on: date | None
    documents_due: date | None

    @classmethod
    def from_steps(cls, steps: dict[str, date]) -> InspectionDates:
        return cls(steps.get(NAMED_STEP), steps.get(DOCUMENTS_STEP))

    def due_days(self) -> int | None:
        """The inspection's own working days from naming to documents (its setting, with any actual
        dates entered), or None when its timeline does not say."""
        if self.named_on is None or self.documents_due is None:
            return None
        return working_days_between(self.named_on, self.documents_due)


def documents_due_for(named_on: date, inspection: InspectionDates | None) -> date:
    """The day documents are due for cases named on `named_on`: the inspection's own step date when
    they were named on its day, else its own number of working days from `named_on`; the framework
    default when there is no inspection."""
    if inspection is None or inspection.due_days() is None:
        return documents_due(named_on)
    if named_on == inspection.named_on and inspection.documents_due is not None:
        return inspection.documents_due
    return add_working_days(named_on, inspection.due_days() or 0)
