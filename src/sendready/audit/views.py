"""The audit log page of an area."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.audit.models import AuditEvent


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
