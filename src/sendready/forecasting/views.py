"""Forecast pages: national and regional tables with downloads, one area's forecast, the backtest, the upload."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.documents import charts
from sendready.documents.csvout import rows_to_csv
from sendready.documents.xlsx import table_to_xlsx
from sendready.domain.forecasting.backtest import BACKTEST_KINDS, backtest, default_range
from sendready.domain.forecasting.forecast import first_term, forecast, freshness, regional_table
from sendready.domain.history.events import KIND_WORDS, OUTCOME_WORDS
from sendready.domain.history.formats import LAYOUTS
from sendready.forecasting import actions
from sendready.forecasting.data import domain_areas, domain_events
from sendready.forecasting.forms import ImportForm
from sendready.forecasting.models import InspectionEvent
from sendready.forecasting.presenters import LICENCE, TABLE_HEADERS, freshness_rows, table_row
from sendready.forecasting.sorting import SORT_COLUMNS, sort_rows

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _regions() -> dict[str, str]:
    """Slug -> ONS region name, for the regions of current real areas."""
    return {slugify(a.region): a.region for a in domain_areas() if a.is_current}


def _table_context(request: HttpRequest, region: str | None) -> dict:
    today = date.today()
    events = domain_events()
    rows = regional_table(today, domain_areas(), events, region=region)
    key, descending = request.GET.get("sort", ""), request.GET.get("dir") == "desc"
    rows = sort_rows(rows, key, descending)
    regions = _regions()
    return {
        "rows": rows,
        "as_of": today,
        "region": region,
        "region_slug": slugify(region) if region else "",
        "regions": sorted(regions.items(), key=lambda r: r[1]),
        "sort": key if key in SORT_COLUMNS else "",
        "descending": descending,
        "columns": SORT_COLUMNS,
        "licence": LICENCE,
        "active_nav": "forecast",
        "can_import": request.user.is_staff,
        "freshness": freshness(events, today),
        "first_note": first_term(today)[2],
    }


@login_required
def national_table(request: HttpRequest) -> HttpResponse:
    """Every current area: last inspection and most likely term; ?region= narrows it to one region."""
    slug = request.GET.get("region", "")
    if slug:
        return redirect("forecasting:region", slug)
    return render(
        request,
        "forecasting/table.html",
        {"title": "When will we be inspected? England", **_table_context(request, None)},
    )


@login_required
def regional_table_page(request: HttpRequest, region: str) -> HttpResponse:
    """One region's areas, like the seed's West Midlands sheet."""
    name = _regions().get(region)
    if name is None:
        raise Http404("No such region.")
    return render(
        request,
        "forecasting/table.html",
        {"title": f"When will we be inspected? {name}", **_table_context(request, name)},
    )


def _download_rows(request: HttpRequest) -> tuple[str, list[list], list[list[str]]]:
    name = _regions().get(request.GET.get("region", ""))
    events = domain_events()
    rows = sort_rows(
        regional_table(date.today(), domain_areas(), events, region=name),
        request.GET.get("sort", ""),
        request.GET.get("dir") == "desc",
    )
    return (
        slugify(name or "england"),
        [table_row(r) for r in rows],
        freshness_rows(freshness(events, date.today())),
    )


@login_required
def table_csv(request: HttpRequest) -> HttpResponse:
    """The table as CSV (licence note in the last row)."""
    slug, rows, fresh = _download_rows(request)
    body = rows_to_csv(TABLE_HEADERS, rows + fresh + [[LICENCE]])
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="inspection-forecast-{slug}-{date.today()}.csv"'
    )
    return response


@login_required
def table_xlsx(request: HttpRequest) -> HttpResponse:
    """The table as an Excel workbook, with a licence sheet."""
    slug, rows, fresh = _download_rows(request)
    body = table_to_xlsx(
        {
            "Forecast": (TABLE_HEADERS, rows + fresh),
            "About": (["About this forecast"], fresh + [[LICENCE]]),
        }
    )
    response = HttpResponse(body, content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="inspection-forecast-{slug}-{date.today()}.xlsx"'
    )
    return response


def _area_context(code: str) -> dict:
    events = domain_events()
    results = forecast(date.today(), domain_areas(), events, area_code=code)
    # area_id holds the ONS code (to_field="code"), which the stubs cannot know.
    history = InspectionEvent.objects.filter(area_id=code).order_by(  # type: ignore[misc]
        "start_date", "publication_date"
    )
    return {
        "forecast": results[0] if results else None,
        "history": history,
        "as_of": date.today(),
        "freshness": freshness(events, date.today()),
        "licence": LICENCE,
        "kind_words": KIND_WORDS,
        "outcome_words": OUTCOME_WORDS,
        "active_nav": "forecast",
    }


@login_required
def national_area(request: HttpRequest, ons_code: str) -> HttpResponse:
    """Any real area's forecast: public national data."""
    area = LocalArea.objects.national().filter(code=ons_code, is_current=True).first()
    if area is None:
        raise Http404("No such local area.")
    return render(
        request,
        "forecasting/area.html",
        {
            "title": f"When will {area.name} be inspected?",
            "subject": area,
            **_area_context(area.code),
        },
    )


@login_required
def area_chart(request: HttpRequest, ons_code: str) -> HttpResponse:
    """The chance of an inspection in each term as an SVG bar chart (the page has the same numbers)."""
    area = LocalArea.objects.national().filter(code=ons_code, is_current=True).first()
    result = _area_context(ons_code)["forecast"] if area else None
    if area is None or result is None:
        raise Http404("No such local area.")
    bars = [(t.term, round(t.total * 100, 1)) for t in result.terms]
    svg = charts.bar_svg(bars, f"Chance of an inspection starting, {area.name}")
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=300"
    return response


@area_view("view_forecast")
def area_forecast(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """The forecast for the person's own area (the menu section); a fictional demo area shows a real one's."""
    context = _area_context(area.code)
    if context["forecast"] is None and area.is_fictional:
        context.update(_example(area))
    return render(
        request,
        "forecasting/area.html",
        {"title": f"When will {area.name} be inspected?", "area": area, "subject": area, **context},
    )


def _example(area: LocalArea) -> dict:
    """A real area's forecast to show beside a fictional demo area: in the demo's region, the area with the
    highest chance in the first term forecast (or in all England when the region has no real areas)."""
    results = forecast(date.today(), domain_areas(), domain_events())
    same = [f for f in results if f.region == area.region]
    pick = max(same or results, key=lambda f: (f.terms[0].total, f.area_name), default=None)
    return {"example": pick, "example_region": area.region if same else "England"}


METHOD_NAMES = {
    "model": "This forecast",
    "seed_rule": "One per region, longest wait first",
    "random": "Same chance for every area, at the recent national pace",
    "pool": "Even spread over the areas not yet inspected this cycle, at the pace the cycle needs",
}


@login_required
def backtest_page(request: HttpRequest) -> HttpResponse:
    """How well the forecast would have done, kind by kind, against three simple guesses."""
    kind = request.GET.get("kind", "full")
    if kind not in BACKTEST_KINDS:
        kind = "full"
    start, end = default_range(kind)
    events = domain_events()
    result = backtest(events, domain_areas(), start, end, kind=kind)
    return render(
        request,
        "forecasting/backtest.html",
        {
            "title": "How good is the forecast?",
            "result": result,
            "from_date": start,
            "to_date": end,
            "licence": LICENCE,
            "active_nav": "forecast",
            "kind": kind,
            "kinds": BACKTEST_KINDS,
            "method_names": METHOD_NAMES,
            "freshness": freshness(events, date.today()),
            "as_of": date.today(),
            "can_import": request.user.is_staff,
        },
    )


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    """Upload newer inspections: all rows are checked first and nothing is written if any is wrong."""
    if not request.user.is_staff:
        raise PermissionDenied(
            "Only a site administrator can import the national inspection history."
        )
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = actions.import_events(
            actor=request.user, content=form.cleaned_data["file"], request=request
        )
        if report.errors:
            form.add_error(
                "file",
                f"The file has {len(report.errors)} problem(s), listed below. Nothing was imported",
            )
    return render(
        request,
        "forecasting/import.html",
        {
            "title": "Import inspections",
            "form": form,
            "report": report,
            "active_nav": "forecast",
            "layouts": list(LAYOUTS.values()),
        },
    )
