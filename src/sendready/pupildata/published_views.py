"""The page of DfE's published figures for an area, with our snapshot's figures beside them."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.domain.person_level.indicators import definitions
from sendready.domain.published.measures import provenance
from sendready.domain.published.reconcile import POINTS_TO_CHECK, SHARE_TO_CHECK
from sendready.pupildata import published
from sendready.pupildata.access import latest_snapshot
from sendready.pupildata.views import context


@area_view("view_indicators")
def published_page(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Every published measure by year (area, region, England, rank) and the reconciliation."""
    snapshot = latest_snapshot(area)
    series = published.series_for_area(area)
    comparisons = [
        published.comparison_text(c)
        for c in (published.reconcile(area, snapshot) if snapshot else [])
    ]
    defs = definitions()
    measures = [
        {
            "id": s.measure.id,
            "title": s.measure.title,
            "definition": s.measure.definition,
            "ours_title": defs.get(s.measure.indicator or "", {}).get("title", ""),
            "region_note": s.measure.region_note,
            "rank_order": s.measure.rank_order,
            "rows": published.rows(s),
        }
        for s in series
    ]
    return render(
        request,
        "pupildata/published.html",
        context(
            request,
            area,
            "Figures DfE publishes for this area",
            snapshot=snapshot,
            comparisons=comparisons,
            checks=sum(c["check"] for c in comparisons),
            measures=measures,
            region_name=series[0].region_name if series else area.region,
            area_published=bool(series and series[0].area_name),
            provenance=provenance(),
            points_to_check=f"{POINTS_TO_CHECK:g}",
            share_to_check=f"{100 * SHARE_TO_CHECK:g}",
        ),
    )
