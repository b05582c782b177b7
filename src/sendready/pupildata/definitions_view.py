"""The definitions page: what each figure counts, what DfE's counts, and where they differ."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.pupildata.definitions import definition_groups
from sendready.pupildata.views import context


@area_view("view_indicators")
def definitions_page(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Every figure's definition beside DfE's (no child's record is shown, so nothing to audit)."""
    groups = definition_groups()
    differ = [d for _, entries in groups for d in entries if d.differs_from_dfe]
    return render(
        request,
        "pupildata/definitions.html",
        context(
            request,
            area,
            "Person-level data: definitions beside DfE's",
            groups=groups,
            differ=differ,
        ),
    )
