"""What the self-evaluation pages show, worked out from the records and the criteria data."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sendready.areas.registry import latest_values
from sendready.domain.inspection.coverage import Coverage, EvidenceFacts, coverage
from sendready.domain.inspection.criteria import CriteriaSet, Criterion
from sendready.domain.inspection.frameworks import load_framework
from sendready.domain.inspection.self_assessment import (
    Answers,
    SelfAssessment,
    Suggestion,
    assess,
    suggest_answers,
)
from sendready.selfevaluation.access import criteria_of
from sendready.selfevaluation.models import CriterionEntry, Evidence, SelfEvaluation


def position_titles(sef: SelfEvaluation) -> dict[str, str]:
    return {o.key: o.title for o in load_framework(sef.framework).outcomes}


def facts(evidence: list[Evidence]) -> list[EvidenceFacts]:
    return [
        EvidenceFacts(e.pk, e.kind, e.evidence_date, e.review_by, frozenset(e.criteria))
        for e in evidence
    ]


def sef_coverage(sef: SelfEvaluation, today: dt.date, since: dt.date | None = None) -> Coverage:
    evidence = list(sef.evidence.all())
    return coverage(criteria_of(sef).criterion_keys(), facts(evidence), today, since)


@dataclass
class Row:
    criterion: Criterion
    entry: CriterionEntry
    evidence_count: int
    gaps: tuple[str, ...]


def criteria_rows(sef: SelfEvaluation, cov: Coverage) -> list[tuple[str, list[Row]]]:
    """The criteria grouped as the framework groups them, each with its entry and coverage."""
    criteria = criteria_of(sef)
    entries = {e.key: e for e in sef.entries.select_related("lead")}
    by_key = {c.key: c for c in cov.criteria}
    groups = []
    for group in criteria.groups:
        rows = [
            Row(c, entries[c.key], by_key[c.key].count, by_key[c.key].gaps)
            for c in criteria.in_group(group.key)
            if c.key in entries
        ]
        groups.append((group.title, rows))
    return groups


def suggestion(sef: SelfEvaluation, criteria: CriteriaSet) -> Suggestion:
    return suggest_answers(criteria, {e.key: e.position for e in sef.entries.all()})


def saved_assessment(sef: SelfEvaluation, report_date: dt.date) -> SelfAssessment | None:
    """The outcome the area's saved answers point to, with follow-ups dated from `report_date`."""
    if not sef.assessed:
        return None
    answers = Answers(
        bool(sef.positive_experiences),
        bool(sef.strong_outcomes),
        bool(sef.taking_action),
        int(sef.priority_actions or 0),
    )
    return assess(criteria_of(sef), answers, report_date)


def person_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def shown(field: str, value: Any) -> str:
    """A value as the history shows it."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def live_value(evidence: Evidence) -> tuple[dt.date, float | int | None] | None:
    """A pinned indicator's value in the newest snapshot now, or None when it is not pinned."""
    if not evidence.indicator_id:
        return None
    latest = latest_values(evidence.sef.area)
    if latest is None or evidence.indicator_id not in latest.values:
        return None
    return latest.snapshot_date, latest.values[evidence.indicator_id].value


def evidence_left_behind(sef: SelfEvaluation, kept: tuple[str, ...]) -> list[Evidence]:
    """Evidence of `sef` that supports none of the criteria carried over."""
    return [e for e in sef.evidence.all() if not any(k in kept for k in e.criteria)]
