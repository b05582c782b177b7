"""The evidence each tracked case needs (data/evidence.json) and when it is due, in working days from
the day the case was named (the timeline's framework setting, 2 by default)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from sendready.domain.cases.groups import load_json
from sendready.domain.dates.workdays import add_working_days
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
