"""People in an area: who belongs, in which role, and their second factor."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from sendready.accounts import two_factor, two_factor_actions
from sendready.areas import actions
from sendready.areas.access import area_view
from sendready.areas.forms import MemberForm, RoleForm
from sendready.areas.models import LocalArea, Membership
from sendready.audit.models import AuditEvent

# Long enough to notice a pattern, short enough that the table stays a glance.
SIGN_IN_PROBLEMS_SHOWN_FOR = dt.timedelta(days=14)


def _member(area: LocalArea, member_id: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user", "area"), area=area, pk=member_id
    )


def _added_message(values: dict, membership: Membership, emailed: bool) -> str:
    # Only what the LANO typed: the account's own name would say that it existed before.
    typed = f"{values.get('first_name', '')} {values.get('last_name', '')}".strip()
    said = f"{typed or values['username']} added as {membership.get_role_display()}."
    if emailed:
        return f"{said} We have emailed them how to sign in."
    return (
        f"{said} The email to them could not be sent: ask them to use 'Forgotten your password?' "
        "on the sign-in page later."
    )


@area_view("manage_people")
@never_cache
def people(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Everyone in the area with their role; add a person."""
    form = MemberForm(request.POST or None, area=area)
    if request.method == "POST" and form.is_valid():
        membership, emailed = actions.add_member(
            actor=request.user, area=area, values=form.cleaned_data, request=request
        )
        messages.success(request, _added_message(form.cleaned_data, membership, emailed))
        return redirect("accounts:people", area.code)
    members = Membership.objects.filter(area=area).select_related("user").order_by("user__username")
    since = timezone.now() - SIGN_IN_PROBLEMS_SHOWN_FOR
    return render(
        request,
        "accounts/people.html",
        {
            "title": "People",
            "area": area,
            "form": form,
            "members": members,
            "sign_in_problems": AuditEvent.objects.for_area(area).sign_in_problems(since)[:30],
            "active_nav": "people",
        },
    )


@area_view("manage_people")
@never_cache
def member_edit(request: HttpRequest, area: LocalArea, member_id: int) -> HttpResponse:
    """Change a person's role."""
    membership = _member(area, member_id)
    form = RoleForm(request.POST or None, initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        try:
            membership = actions.change_role(
                actor=request.user,
                membership=membership,
                role=form.cleaned_data["role"],
                request=request,
            )
        except ValidationError as exc:
            form.add_error("role", exc)
        else:
            messages.success(
                request, f"{membership.user.username} is now {membership.get_role_display()}."
            )
            return redirect("accounts:people", area.code)
    return render(
        request,
        "accounts/member_edit.html",
        {
            "title": f"Change role: {membership.user.username}",
            "area": area,
            "form": form,
            "membership": membership,
            "has_second_factor": two_factor.has_second_factor(membership.user),
            "needs_second_factor": two_factor.needs_second_factor(membership.user),
            "active_nav": "people",
        },
    )


@area_view("manage_people")
@require_POST
def member_remove(request: HttpRequest, area: LocalArea, member_id: int) -> HttpResponse:
    """Take a person out of the area."""
    membership = _member(area, member_id)
    try:
        actions.remove_member(actor=request.user, membership=membership, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{membership.user.username} removed from {area.name}.")
    return redirect("accounts:people", area.code)


@area_view("manage_people")
@require_POST
def member_reset_second_factor(
    request: HttpRequest, area: LocalArea, member_id: int
) -> HttpResponse:
    """Remove a member's second factor (a lost phone): they set up a new one when they next sign in."""
    membership = _member(area, member_id)
    try:
        two_factor_actions.reset_second_factor(
            actor=request.user, membership=membership, request=request
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"{membership.user.username} will set up two-factor sign-in again the next time they "
            "sign in.",
        )
    return redirect("accounts:member_edit", area.code, membership.pk)
