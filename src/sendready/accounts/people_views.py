"""People in an area, and the audit log of who viewed or exported what."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from sendready.accounts import actions
from sendready.accounts.access import area_view
from sendready.accounts.forms import MemberForm, RoleForm
from sendready.accounts.models import AuditEvent, LocalArea, Membership

# Long enough to notice a pattern, short enough that the table stays a glance.
SIGN_IN_PROBLEMS_SHOWN_FOR = dt.timedelta(days=14)


def _member(area: LocalArea, member_id: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user", "area"), area=area, pk=member_id
    )


@area_view("manage_people")
@never_cache
def people(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Everyone in the area with their role; add a person."""
    form = MemberForm(request.POST or None, area=area)
    if request.method == "POST" and form.is_valid():
        membership, password = actions.add_member(
            area, request.user, form.cleaned_data, request=request
        )
        note = (
            (
                f" Their one-time password is {password}: give it to them securely; they should "
                "change it when they first sign in."
            )
            if password
            else ""
        )
        messages.success(
            request, f"{membership.user.username} added as {membership.get_role_display()}.{note}"
        )
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
            actions.change_role(
                membership, request.user, form.cleaned_data["role"], request=request
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
            "active_nav": "people",
        },
    )


@area_view("manage_people")
@require_POST
def member_remove(request: HttpRequest, area: LocalArea, member_id: int) -> HttpResponse:
    """Take a person out of the area."""
    membership = _member(area, member_id)
    try:
        actions.remove_member(membership, request.user, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{membership.user.username} removed from {area.name}.")
    return redirect("accounts:people", area.code)


@area_view("view_audit")
@never_cache
def audit_log(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Who viewed, exported or changed what in this area, newest first."""
    events = AuditEvent.objects.for_area(area)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/audit_log.html",
        {"title": "Audit log", "area": area, "page": page, "active_nav": "audit"},
    )
