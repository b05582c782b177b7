"""Who may change which part of the self-evaluation, and getting its records inside the checked area."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from sendready.areas.access import CASEWORK_ROLES, can, role_in
from sendready.areas.constants import Role
from sendready.areas.models import LocalArea
from sendready.domain.inspection.criteria import CriteriaSet, load_criteria
from sendready.selfevaluation.models import AnnexItem, CriterionEntry, Evidence, SelfEvaluation

EDIT_ALL = frozenset({Role.LANO, Role.SENIOR_LEADER})
# Who can be named a criterion's system lead: every role that works in the partnership's services,
# the ICB's health lead included; parent carer forum representatives comment and viewers read.
LEAD_ROLES = CASEWORK_ROLES


def find_self_evaluation(area: LocalArea) -> SelfEvaluation | None:
    """The area's current SEF (the one it started last, so the newest version it moved to), or None."""
    return SelfEvaluation.objects.filter(area=area).order_by("-pk").first()


def get_self_evaluation(area: LocalArea) -> SelfEvaluation:
    """The area's current SEF; 404 with a plain reason before anyone has started it."""
    sef = find_self_evaluation(area)
    if sef is None:
        raise Http404(
            "This area's self-evaluation has not been started yet: start it from the "
            "Self-evaluation page."
        )
    return sef


def criteria_of(sef: SelfEvaluation) -> CriteriaSet:
    return load_criteria(sef.criteria_version)


def may_edit_entry(user, area: LocalArea, entry: CriterionEntry) -> bool:
    """LANOs and senior leaders edit every criterion; a system lead edits the criteria they lead."""
    if not can(user, "edit_criteria", area):
        return False
    return role_in(user, area) in EDIT_ALL or entry.lead_id == user.pk


def may_edit_evidence(user, area: LocalArea, evidence: Evidence) -> bool:
    """LANOs and senior leaders edit all evidence; a system lead the evidence they own or added."""
    if not can(user, "add_evidence", area):
        return False
    return role_in(user, area) in EDIT_ALL or user.pk in (evidence.owner_id, evidence.created_by_id)


def may_update_annex_item(user, area: LocalArea, item: AnnexItem) -> bool:
    """An Annex A item's owner updates its status and document; LANOs and senior leaders any item."""
    if role_in(user, area) is None:
        return False
    return can(user, "manage_annex_a", area) or item.owner_id == user.pk


def get_entry(sef: SelfEvaluation, key: str, user=None, write: bool = False) -> CriterionEntry:
    """The SEF's entry for a criterion; with write=True the person must be allowed to edit it."""
    entry = sef.entries.select_related("lead").filter(key=key).first()
    if entry is None:
        raise Http404("This self-evaluation has no such criterion.")
    if write and not may_edit_entry(user, sef.area, entry):
        raise PermissionDenied(
            "Only the criterion's system lead, a LANO or a senior leader can edit it."
        )
    return entry


def get_evidence(sef: SelfEvaluation, pk: int, user=None, write: bool = False) -> Evidence:
    """An evidence item of this SEF (so of the checked area)."""
    evidence = get_object_or_404(Evidence.objects.select_related("owner"), sef=sef, pk=pk)
    if write and not may_edit_evidence(user, sef.area, evidence):
        raise PermissionDenied(
            "Only the evidence's owner, a LANO or a senior leader can change it."
        )
    return evidence


def get_annex_item(area: LocalArea, pk: int) -> AnnexItem:
    """An Annex A item of the checked area."""
    return get_object_or_404(AnnexItem.objects.select_related("owner"), area=area, pk=pk)
