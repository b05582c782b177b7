"""Inspection pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sendready.accounts.access import area_view
from sendready.accounts.models import LocalArea


@area_view("view_inspection")
def inspection_list(request: HttpRequest, area: LocalArea) -> HttpResponse:
    return render(request, "inspections/list.html", {"title": "Inspections", "area": area})
