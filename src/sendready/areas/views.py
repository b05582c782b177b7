"""The home page, the area overview and the area switcher."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sendready.areas.access import area_view, role_in
from sendready.areas.middleware import AreaRequest
from sendready.areas.models import LocalArea
from sendready.areas.navigation import home_for, panels_for, sections_for


@login_required
def home(request: AreaRequest) -> HttpResponse:
    """Send the person to the area they are working in."""
    if request.area is None:
        elsewhere = home_for(request.user)
        if elsewhere:
            return redirect(elsewhere)
        return render(request, "accounts/no_area.html", {"title": "No local area"})
    return redirect("accounts:area_home", request.area.code)


@area_view("view_area")
def area_home(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """The overview of one local area: the person's role and what they can do."""
    role = role_in(request.user, area)
    return render(
        request,
        "accounts/area_home.html",
        {
            "title": area.name,
            "area": area,
            "role_label": role.label if role else "",
            "links": sections_for(request.user, area),
            "panels": panels_for(request.user, area),
            "active_nav": "overview",
        },
    )


@login_required
@require_POST
def switch_area(request: HttpRequest) -> HttpResponse:
    """Change the area the person is working in (only to one they belong to)."""
    code = request.POST.get("area_code", "")
    area = LocalArea.objects.for_user(request.user).filter(code=code).first()
    if area is None:
        return redirect("home")
    request.session["area_code"] = area.code
    return redirect("accounts:area_home", area.code)
