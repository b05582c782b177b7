"""Getting tracked cases for a person: inside the checked area, only the LANO or the case's team, and
every view written to the audit log."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from sendready.areas.access import role_in
from sendready.areas.constants import Role
from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.cases.models import CaseAudit, CaseEvidenceFile, EvidenceTask, TrackedCase

NOT_YOURS = "No such case, or it is not assigned to you."


def is_lano(user, area: LocalArea) -> bool:
    return role_in(user, area) == Role.LANO


def get_case_for_user(
    request: HttpRequest, area: LocalArea, pk: int, *, write: bool = False, what: str = "case"
) -> TrackedCase:
    """The case if the person is the LANO or on its team (write: the LANO only); audited either way."""
    case = (
        TrackedCase.objects.for_area(area).select_related("selection", "area").filter(pk=pk).first()
    )
    if case is None:
        raise Http404(NOT_YOURS)
    lano = is_lano(request.user, area)
    if not lano and not case.members.filter(user_id=request.user.pk or 0).exists():
        record(request, AuditAction.DENIED, "tracked_case", case.pk, area=area, detail=what)
        raise Http404(NOT_YOURS)
    if write and not lano:
        record(request, AuditAction.DENIED, "tracked_case", case.pk, area=area, detail=what)
        raise PermissionDenied("Only the local area nominated officer can change this.")
    record(
        request,
        AuditAction.VIEWED,
        "tracked_case",
        case.pk,
        area=area,
        detail=f"{what}: person {case.person_id}",
    )
    return case


def get_evidence_task(case: TrackedCase, task_id: int) -> EvidenceTask:
    task = case.evidence.filter(pk=task_id).first()
    if task is None:
        raise Http404("No such evidence item in this case.")
    return task


def get_evidence_file(case: TrackedCase, file_id: int) -> CaseEvidenceFile:
    found = CaseEvidenceFile.objects.filter(task__case=case, pk=file_id).first()
    if found is None:
        raise Http404("No such document in this case.")
    return found


def own_audit(case: TrackedCase, user) -> CaseAudit | None:
    return case.audits.filter(auditor=user).first()


def is_auditor(case: TrackedCase, user) -> bool:
    return case.members.filter(user=user, is_auditor=True).exists()
