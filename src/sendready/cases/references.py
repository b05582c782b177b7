"""The area's tracked cases offered to other capabilities to refer to (a request inspectors made about
a case), through the platform hook: the child's id only for the LANO and the case's team."""

from sendready.areas.access import can
from sendready.areas.models import LocalArea
from sendready.areas.registry import TrackedCaseChoice
from sendready.cases.access import is_lano
from sendready.cases.constants import CaseStatus
from sendready.cases.models import TrackedCase


def tracked_case_references(
    area: LocalArea, user, inspection_pk: int | None
) -> list[TrackedCaseChoice]:
    """Every tracked case of the area, those named for `inspection_pk` first, newest selection first."""
    cases = list(
        TrackedCase.objects.for_area(area)
        .filter(status=CaseStatus.TRACKED)
        .select_related("selection")
        .prefetch_related("members")
        .order_by("-selection__named_on", "-selection_id", "position")
    )
    if inspection_pk is not None:
        cases.sort(key=lambda c: c.selection.inspection_id != inspection_pk)  # stable: keeps order
    lano = is_lano(user, area)
    may_open = can(user, "view_cases", area)
    out = []
    for case in cases:
        mine = may_open and (lano or any(m.user_id == user.pk for m in case.members.all()))
        who = f" (case {case.person_id})" if mine else ""
        out.append(
            TrackedCaseChoice(
                str(case.pk), f"Tracked case {case.position + 1}{who}: {case.selection.title}"
            )
        )
    return out
