"""A case's pack from its records: the summary, team, evidence, consent, meeting, audits, documents."""

from functools import partial

from django.core.files.storage import default_storage

from sendready.cases.audit_framework import framework_for
from sendready.cases.constants import AuditStatus
from sendready.cases.models import TrackedCase
from sendready.cases.presenters import profile_rows
from sendready.documents.case_pack import CasePack, PackAudit, PackDocument
from sendready.domain.cases.audit_framework import AuditFramework


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "Nobody yet"


def case_pack(case: TrackedCase) -> CasePack:
    """Everything in the case as plain values for the zip."""
    framework = framework_for(case.area)
    labels = {g.key: g.label for g in framework.grades}
    summary = profile_rows(case) + [
        ("Selection", case.selection.title),
        ("Documents due", case.selection.documents_due.isoformat()),
        ("Consent", _consent(case)),
        ("Meeting with inspectors", _meeting(case)),
    ]
    moderation = getattr(case, "moderation", None)
    if moderation is not None:
        summary.append(("Agreed audit grade", labels.get(moderation.overall_grade, "")))
    team = [[_name(m.user), m.role_title, m.get_agency_display()] for m in case.members.all()]
    evidence = [
        [e.title, _name(e.owner), e.due_on.isoformat(), e.get_status_display()]
        for e in case.evidence.select_related("owner")
    ]
    audits = [
        [_name(a.auditor), a.get_agency_display(), labels.get(a.overall_grade, "Not graded")]
        for a in case.audits.filter(status=AuditStatus.SUBMITTED).select_related("auditor")
    ]
    documents = [
        PackDocument(
            e.title,
            f.file_name,
            f"{f.uploaded_at:%Y-%m-%d %H:%M} by {_name(f.uploaded_by)}",
            partial(default_storage.open, f.storage_name, "rb"),
        )
        for e in case.evidence.prefetch_related("files__uploaded_by")
        for f in e.files.all()
    ]
    return CasePack(
        title=f"Tracked case {case.person_id}",
        pen_portrait=case.pen_portrait,
        chronology=[
            (e.happened_on.isoformat(), e.get_agency_display() or "", e.event)
            for e in case.chronology.all()
        ],
        audits=_audits(case, framework),
        summary=summary,
        sections=[
            ("Team around the case", team, ["Name", "Role", "Agency"]),
            ("Evidence for inspectors", evidence, ["Item", "Owner", "Due", "Status"]),
            ("Case file audits", audits, ["Auditor", "Agency", "Overall grade"]),
        ],
        documents=documents,
    )


def _consent(case: TrackedCase) -> str:
    text = case.get_consent_status_display()
    if case.consent_by:
        text += f" by {case.consent_by}"
    if case.consent_on:
        text += f" on {case.consent_on.isoformat()}"
    if case.consent_method:
        text += f" ({case.get_consent_method_display().lower()})"
    return text


def _meeting(case: TrackedCase) -> str:
    if not case.meeting_on:
        return "Not arranged yet"
    when = f"{case.meeting_on.isoformat()} {case.meeting_start:%H:%M}"
    if case.meeting_end:
        when += f" to {case.meeting_end:%H:%M}"
    return when + (f", {case.meeting_where}" if case.meeting_where else "")


def _audits(case: TrackedCase, framework: AuditFramework) -> list[PackAudit]:
    """Each submitted audit section by section, then the agreed grades if the case is moderated."""
    labels = {g.key: g.label for g in framework.grades}
    titles = {s.key: s.title for s in framework.sections}
    out = []
    submitted = case.audits.filter(status=AuditStatus.SUBMITTED).select_related("auditor")
    for a in submitted.prefetch_related("grades"):
        rows = [
            (
                titles.get(g.section, g.section),
                labels.get(g.grade, ""),
                g.strengths,
                g.areas_to_develop,
            )
            for g in a.grades.all()
        ]
        heading = f"Audit by {_name(a.auditor)} ({a.get_agency_display()})"
        out.append(PackAudit(heading, labels.get(a.overall_grade, "Not graded"), rows))
    moderation = getattr(case, "moderation", None)
    if moderation is not None:
        rows = [(titles.get(k, k), labels.get(v, ""), "", "") for k, v in moderation.agreed.items()]
        heading = f"Agreed grades (moderated by {_name(moderation.moderated_by)})"
        out.append(PackAudit(heading, labels.get(moderation.overall_grade, ""), rows))
    return out
