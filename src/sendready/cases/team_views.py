"""The team around a case: who works on it, who audits it, and so who may open it."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sendready.areas.access import area_view, can
from sendready.areas.models import LocalArea
from sendready.cases import team_actions
from sendready.cases.access import get_case_for_user
from sendready.cases.forms import TeamMemberForm
from sendready.cases.views import page
from sendready.govuk_forms import add_validation_error


def _people(area: LocalArea) -> list:
    users = (
        get_user_model().objects.filter(memberships__area=area).order_by("first_name", "username")
    )
    return [u for u in users if can(u, "view_cases", area)]


@area_view("manage_cases")
def case_team(request: HttpRequest, area: LocalArea, case_id: int) -> HttpResponse:
    """Add a person to the team (or change their role), or take someone off it."""
    case = get_case_for_user(request, area, case_id, write=True, what="team")
    people = _people(area)
    form = TeamMemberForm(request.POST if request.POST.get("do") == "add" else None, people=people)
    if request.method == "POST" and request.POST.get("do") == "remove":
        member = case.members.filter(pk=request.POST.get("member", "0") or 0).first()
        if member is not None:
            team_actions.remove_member(actor=request.user, member=member, request=request)
            messages.success(request, "Taken off the team.")
        return redirect("cases:team", area.code, case.pk)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = next(u for u in people if u.pk == data["user"])
        try:
            team_actions.assign_member(
                actor=request.user,
                case=case,
                user=user,
                role_title=data["role_title"],
                agency=data["agency"],
                is_auditor=data["is_auditor"],
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(
                request, f"{user.get_full_name() or user.get_username()} is on the team."
            )
            return redirect("cases:team", area.code, case.pk)
    return render(
        request,
        "cases/team.html",
        page(
            request,
            area,
            f"Team around case {case.person_id}",
            case=case,
            form=form,
            members=case.members.select_related("user"),
        ),
    )
