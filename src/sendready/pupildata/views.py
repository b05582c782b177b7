"""Person-level data pages: the dashboard, trend charts, the rows behind a figure, schema and templates."""

from functools import lru_cache

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from sendready.areas.access import area_view, can
from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.documents import charts
from sendready.documents.xlsx import table_to_xlsx
from sendready.domain.person_level.indicators import definitions
from sendready.domain.person_level.schema import describe, load_schema, template_csv
from sendready.pupildata import exports, figures, presenters, published
from sendready.pupildata.access import get_snapshot, latest_snapshot
from sendready.pupildata.export import snapshot_xlsx
from sendready.pupildata.figure_tables import figure_tables
from sendready.pupildata.forms import FilterForm
from sendready.pupildata.models import Snapshot


def context(request: HttpRequest, area: LocalArea, title: str, **extra) -> dict:
    """What every page of this section needs."""
    return {
        "title": title,
        "area": area,
        "active_nav": "data",
        "can_view_rows": can(request.user, "view_pupil_rows", area),
        "can_import": can(request.user, "import_pupils", area),
        "can_export": can(request.user, "export_pupils", area),
        **extra,
    }


@area_view("view_indicators")
@never_cache
def dashboard(
    request: HttpRequest, area: LocalArea, snapshot_id: int | None = None
) -> HttpResponse:
    """Headline figures with definitions and national comparisons, breakdowns and trends."""
    snapshot = get_snapshot(area, snapshot_id) if snapshot_id else latest_snapshot(area)
    form = FilterForm(request.GET or None)
    if snapshot is None:
        return render(request, "pupildata/empty.html", context(request, area, "Person-level data"))
    filters = form.filters() if form.is_bound else {}
    query = form.query() if form.is_bound else ""
    tables = figure_tables(
        area, snapshot, filters, query, can(request.user, "view_pupil_rows", area)
    )
    history = list(Snapshot.objects.for_area(area).oldest_first())
    sets = [figures.cached(s) for s in history]
    charts_data = [
        {"id": i, "title": definitions()[i]["title"], "points": presenters.chart_points(sets, i)}
        for i in presenters.CHART_IDS
    ]
    return render(
        request,
        "pupildata/dashboard.html",
        context(
            request,
            area,
            "Person-level data",
            snapshot=snapshot,
            filter_form=form,
            query=query,
            filtered=bool(filters),
            figure_tables=tables,
            history=list(reversed(history)),
            trend=presenters.trend_table(sets),
            charts=charts_data,
            published_only=[
                r
                for r in published.latest_rows(published.series_for_area(area))
                if not r["indicator"]
            ],
        ),
    )


@area_view("view_indicators")
def trend_chart(request: HttpRequest, area: LocalArea, indicator: str) -> HttpResponse:
    """An SVG line chart of one figure across the area's snapshots."""
    info = definitions().get(indicator)
    if info is None or ":" in indicator or indicator.startswith("by_"):
        raise Http404("No such figure.")
    sets = [figures.cached(s) for s in Snapshot.objects.for_area(area).oldest_first()]
    points = presenters.chart_points(sets, indicator)
    svg = _line_svg(
        tuple((p["date"], p["value"]) for p in points), info["title"], info.get("unit", "count")
    )
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=60"
    return response


@lru_cache(maxsize=256)
def _line_svg(points: tuple, title: str, unit: str) -> str:
    # Drawing takes tens of milliseconds and every dashboard view asks for each chart: the same
    # numbers always make the same picture, so each is drawn once per process.
    return charts.line_svg([{"date": d, "value": v} for d, v in points], title, unit)


@area_view("view_pupil_rows")
@never_cache
def indicator_rows(
    request: HttpRequest, area: LocalArea, snapshot_id: int, indicator: str
) -> HttpResponse:
    """The pseudonymous rows behind one figure, a page at a time; every view is audit-logged."""
    snapshot = get_snapshot(area, snapshot_id)
    form = FilterForm(request.GET or None)
    filters = form.filters() if form.is_bound else {}
    part = "denominator" if request.GET.get("part") == "denominator" else "numerator"
    try:
        page_number = int(request.GET.get("page", "1"))
    except ValueError:
        page_number = 1
    try:
        page = figures.rows_page(snapshot, indicator, filters, part, page_number)
    except KeyError:
        raise Http404("No such figure.") from None
    record(request, AuditAction.VIEWED, "pupil_rows", snapshot.pk, area=area, detail=indicator)
    title = _figure_title(indicator)
    return render(
        request,
        "pupildata/rows.html",
        context(
            request,
            area,
            f"Rows behind: {title}",
            snapshot=snapshot,
            indicator=indicator,
            figure_title=title,
            part=part,
            page=page,
            query=form.query() if form.is_bound else "",
            schema=load_schema(),
        ),
    )


def _figure_title(indicator: str) -> str:
    defs = definitions()
    if ":" in indicator:
        dim, category = indicator.split(":", 1)
        column = presenters.BREAKDOWN_LABELS.get(dim)
        label = load_schema()[column].label(category) if column else category
        return f"{defs.get(dim, {}).get('title', dim)}: {label}"
    return defs.get(indicator, {}).get("title", indicator)


@area_view("export_pupils")
@never_cache
def export_xlsx(request: HttpRequest, area: LocalArea, snapshot_id: int) -> HttpResponseBase:
    """The snapshot in the documented layout as XLSX, for inspectors; audit-logged. Large snapshots are
    written in the background (a page to start it, then a page to watch it and download)."""
    snapshot = get_snapshot(area, snapshot_id)
    if snapshot.row_count > exports.inline_rows():
        if request.method == "POST":
            job = exports.start_export(snapshot, request.user, request=request)
            return redirect("pupildata:export_job", area.code, job.pk)
        return render(
            request,
            "pupildata/export_start.html",
            context(
                request,
                area,
                "Download this snapshot for inspectors",
                snapshot=snapshot,
                keep_hours=settings.PUPIL_EXPORT_KEEP_HOURS,
            ),
        )
    path = snapshot_xlsx(snapshot)
    record(
        request,
        AuditAction.EXPORTED,
        "pupil_snapshot",
        snapshot.pk,
        area=area,
        detail=f"XLSX, {snapshot.row_count} rows as at {snapshot.snapshot_date.isoformat()}",
    )
    handle = path.open("rb")
    path.unlink()  # the open handle keeps the data until the response is sent
    name = f"send-data-{area.code}-{snapshot.snapshot_date.isoformat()}.xlsx"
    return FileResponse(
        handle,
        as_attachment=True,
        filename=name,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@area_view("view_indicators")
def schema_page(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """The documented layout, column by column, with the templates to download."""
    return render(
        request,
        "pupildata/schema.html",
        context(request, area, "Person-level data: file layout", columns=describe()),
    )


@area_view("view_indicators")
def template_csv_download(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """A CSV template: the heading row and one example row."""
    response = HttpResponse(template_csv().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="send-person-level-template.csv"'
    return response


@area_view("view_indicators")
def template_xlsx_download(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """An XLSX template: the heading row and an example, plus a sheet describing every column."""
    schema = load_schema()
    about = [
        [
            c["name"],
            c["title"],
            "Yes" if c["required"] else "No",
            c["type"],
            c["description"],
            "; ".join(f"{a['code']} = {a['label']}" for a in c["allowed"]),
        ]
        for c in describe()
    ]
    data = table_to_xlsx(
        {
            "Pupils": (schema.names, [[c.example for c in schema.columns]]),
            "Columns": (
                ["Column", "Title", "Required", "Type", "Description", "Allowed values"],
                about,
            ),
        }
    )
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="send-person-level-template.xlsx"'
    return response
