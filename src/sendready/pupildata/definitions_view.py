"""The definitions page: what each figure counts, what DfE's counts, and where they differ."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.pupildata.definitions import definition_groups, where_they_differ
from sendready.pupildata.views import context


@area_view("view_indicators")
def definitions_page(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Every figure's definition beside DfE's (no child's record is shown, so nothing to audit)."""
    groups = definition_groups()
    differ, same, unpublished = where_they_differ(groups)
    return render(
        request,
        "pupildata/definitions.html",
        context(
            request,
            area,
            "Person-level data: definitions beside DfE's",
            groups=groups,
            differ=differ,
            same=same,
            unpublished=unpublished,
        ),
    )
