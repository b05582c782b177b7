"""The SEF document's plain values, gathered from the records for the Word and PDF builders."""

import datetime as dt

from sendready.documents.sef_data import (
    CriterionSection,
    EvidenceLine,
    GroupSection,
    Reading,
    SefData,
)
from sendready.selfevaluation.access import criteria_of
from sendready.selfevaluation.models import Evidence, SelfEvaluation
from sendready.selfevaluation.presenters import position_titles, saved_assessment, sef_coverage

UNCONFIRMED = "Wording unconfirmed: the framework handbook's own wording could not be checked."


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "Not named yet"


def _where(e: Evidence) -> str:
    if e.indicator_id and e.indicator_value is not None:
        return f"Person-level indicator, {e.indicator_value:g} on {e.indicator_as_of:%d/%m/%Y}"
    return e.link or (f"File: {e.file_name}" if e.file_name else "")


def sef_data(sef: SelfEvaluation, today: dt.date) -> SefData:
    """Everything the SEF document shows, in the criteria's order."""
    criteria = criteria_of(sef)
    positions = position_titles(sef)
    entries = {e.key: e for e in sef.entries.select_related("lead")}
    evidence = list(sef.evidence.all())
    types = {t.key: t.title for t in criteria.evidence_types}
    groups = []
    for group in criteria.groups:
        sections = []
        for c in criteria.in_group(group.key):
            entry = entries[c.key]
            lines = tuple(
                EvidenceLine(
                    e.title,
                    types.get(e.kind, e.kind),
                    e.evidence_date,
                    e.co_produced,
                    e.summary,
                    _where(e),
                )
                for e in evidence
                if c.key in e.criteria
            )
            sections.append(
                CriterionSection(
                    c.number,
                    c.text,
                    _name(entry.lead),
                    positions.get(entry.position, "Not decided yet"),
                    entry.rationale or "Not written yet",
                    tuple((q.title, getattr(entry, q.key)) for q in criteria.questions),
                    lines,
                    UNCONFIRMED if c.status == "unconfirmed" else "",
                )
            )
        groups.append(GroupSection(group.title, tuple(sections)))
    result = saved_assessment(sef, today)
    reading = (
        Reading(
            result.title,
            result.reason,
            result.label,
            tuple((f.title, f.date) for f in result.follow_ups),
            today,
        )
        if result
        else None
    )
    cov = sef_coverage(sef, today)
    numbers = {c.key: c.number for c in criteria.criteria}
    gaps = tuple((numbers[c.key], gap) for c in cov.criteria for gap in c.gaps)
    return SefData(
        sef.area.name,
        criteria.title,
        sef.criteria_version,
        today,
        tuple(groups),
        reading,
        gaps,
        criteria.note,
    )
