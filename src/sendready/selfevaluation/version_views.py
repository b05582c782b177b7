"""Moving the self-evaluation to a revised framework's criteria: what would carry over, then the move."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sendready.areas.access import area_view, can
from sendready.areas.models import LocalArea
from sendready.domain.inspection.criteria import CriteriaSet, carry_over, latest_for, load_criteria
from sendready.selfevaluation import presenters, version_actions
from sendready.selfevaluation.access import criteria_of, get_self_evaluation
from sendready.selfevaluation.models import SelfEvaluation
from sendready.selfevaluation.views import page_context


def newer_criteria(sef: SelfEvaluation) -> CriteriaSet | None:
    """The newest criteria version of the SEF's framework when it is not the one the SEF answers."""
    latest = latest_for(sef.framework)
    return latest if latest.version != sef.criteria_version else None


def _listed(criteria: CriteriaSet, keys: tuple[str, ...]) -> list[str]:
    return [f"{criteria.criterion(k).number}. {criteria.criterion(k).text}" for k in keys]


@area_view("view_self_evaluation")
def move(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Which criteria would carry over to the newer version, and which would not; a POST moves."""
    sef = get_self_evaluation(area)
    newer = newer_criteria(sef)
    if request.method == "POST":
        if not can(request.user, "start_self_evaluation", area):
            raise PermissionDenied("Only a LANO or a senior leader can move the self-evaluation.")
        if newer is None:
            return redirect("selfevaluation:move", area.code)
        try:
            moved, plan = version_actions.move_to_version(
                actor=request.user, sef=sef, version=newer.version, request=request
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                f"The self-evaluation now answers criteria version {moved.criteria_version}: "
                f"{len(plan.kept)} criteria carried over.",
            )
        return redirect("selfevaluation:move", area.code)
    current = criteria_of(sef)
    context: dict[str, object] = {
        "newer": newer,
        "can_move": can(request.user, "start_self_evaluation", area),
    }
    if newer is not None:
        plan = carry_over(current, newer)
        context |= {
            "kept": _listed(newer, plan.kept),
            "dropped": _listed(current, plan.dropped),
            "added": _listed(newer, plan.added),
            "left_behind": presenters.evidence_left_behind(sef, plan.kept),
        }
    if sef.previous is not None:
        before = load_criteria(sef.previous.criteria_version)
        plan = carry_over(before, current)
        context |= {
            "previous": sef.previous,
            "was_dropped": _listed(before, plan.dropped),
            "was_added": _listed(current, plan.added),
        }
    return render(
        request,
        "selfevaluation/move.html",
        page_context(request, area, sef, "Criteria version", **context),
    )
