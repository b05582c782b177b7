"""Audit results rolled up: agreement between auditors, and agreed grades by section, need and agency."""

from collections import Counter, defaultdict

from sendready.areas.models import LocalArea
from sendready.cases.constants import Agency, AuditStatus
from sendready.cases.models import CaseAudit, Moderation
from sendready.domain.cases.agreement import Rating, agreement_report
from sendready.domain.cases.audit_framework import AuditFramework
from sendready.domain.cases.sampling import need_label


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def ratings(area: LocalArea) -> list[Rating]:
    """Every submitted section grade in the area, with the agreed grade where the case is moderated."""
    agreed = {m.case_id: m.agreed for m in Moderation.objects.filter(case__area=area)}
    audits = (
        CaseAudit.objects.filter(case__area=area, status=AuditStatus.SUBMITTED)
        .select_related("auditor")
        .prefetch_related("grades")
    )
    return [
        Rating(
            str(a.case_id),
            row.section,
            _name(a.auditor),
            row.grade,
            agreed.get(a.case_id, {}).get(row.section),
        )
        for a in audits
        for row in a.grades.all()
        if row.grade
    ]


def report(area: LocalArea, framework: AuditFramework) -> dict:
    """Agreement per auditor, per section (titled) and between auditors, from the area's audits."""
    data = agreement_report(ratings(area), [g.key for g in framework.grades])
    titles = {s.key: s.title for s in framework.sections}
    data["by_section"] = {titles.get(k, k): v for k, v in data["by_section"].items()}
    return data


def themes(area: LocalArea, framework: AuditFramework) -> dict:
    """Agreed grades by section, the agreed overall grade by primary need, and grades by agency."""
    grade_keys = [g.key for g in framework.grades]
    moderations = list(Moderation.objects.filter(case__area=area).select_related("case"))
    by_section = {
        s.title: Counter(m.agreed.get(s.key) for m in moderations if m.agreed.get(s.key))
        for s in framework.active_sections
    }
    by_need: dict[str, Counter] = defaultdict(Counter)
    for m in moderations:
        by_need[need_label(m.case.profile.get("primary_need"))][m.overall_grade] += 1
    by_agency: dict[str, Counter] = defaultdict(Counter)
    for a in CaseAudit.objects.filter(case__area=area, status=AuditStatus.SUBMITTED):
        if a.overall_grade:
            by_agency[Agency(a.agency).label][a.overall_grade] += 1
    return {
        "grades": [(g.key, g.label) for g in framework.grades],
        "cases": len(moderations),
        "by_section": [(k, [c[g] for g in grade_keys]) for k, c in by_section.items()],
        "by_need": [(k, [c[g] for g in grade_keys]) for k, c in sorted(by_need.items())],
        "by_agency": [(k, [c[g] for g in grade_keys]) for k, c in sorted(by_agency.items())],
    }
