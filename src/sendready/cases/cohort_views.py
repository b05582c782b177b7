"""Focused-sampling lists: the cohorts inspectors ask for from the latest snapshot, with counts, the
key columns and an XLSX download; every view and download is audited."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.areas.registry import find_snapshot
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.cases.forms import CohortFilterForm
from sendready.cases.presenters import cells
from sendready.cases.views import page
from sendready.documents.xlsx import table_to_xlsx
from sendready.domain.cases.cohorts import cohort_counts, cohort_rows, get_cohort, list_cohorts
from sendready.domain.person_level.schema import load_schema

SHOWN_ROWS = 500
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filters(request: HttpRequest) -> CohortFilterForm:
    return CohortFilterForm(request.GET or None)


def _title(column: str) -> str:
    return "Age" if column == "age" else load_schema()[column].title


def _cohort(key: str):
    try:
        return get_cohort(key)
    except KeyError:
        raise Http404("No such list.") from None


@area_view("view_focused_sampling")
def cohorts(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """How many children and young people are in each cohort of the latest snapshot."""
    snapshot = find_snapshot(area)
    form = _filters(request)
    counts = {}
    if snapshot is not None:
        counts = cohort_counts(snapshot.read(None), snapshot.snapshot_date, form.filters())
        record(
            request,
            AuditAction.VIEWED,
            "focused_sampling",
            snapshot.snapshot_id,
            area=area,
            detail=f"counts {form.query()}".strip(),
        )
    rows = [{"cohort": c, **counts.get(c.key, {})} for c in list_cohorts()]
    return render(
        request,
        "cases/cohorts.html",
        page(
            request,
            area,
            "Focused-sampling lists",
            snapshot=snapshot,
            filter_form=form,
            query=form.query(),
            rows=rows,
        ),
    )


@area_view("view_focused_sampling")
def cohort_list(request: HttpRequest, area: LocalArea, cohort_key: str) -> HttpResponse:
    """The people in one cohort, with its key columns."""
    cohort = _cohort(cohort_key)
    snapshot = find_snapshot(area)
    if snapshot is None:
        raise Http404("No person-level data yet.")
    form = _filters(request)
    frame = cohort_rows(snapshot.read(None), snapshot.snapshot_date, cohort, form.filters())
    record(
        request,
        AuditAction.VIEWED,
        "focused_sampling",
        snapshot.snapshot_id,
        area=area,
        detail=f"list {cohort.key}, {frame.height} rows {form.query()}".strip(),
    )
    return render(
        request,
        "cases/cohort_list.html",
        page(
            request,
            area,
            cohort.title,
            cohort=cohort,
            snapshot=snapshot,
            query=form.query(),
            headings=[_title(c) for c in frame.columns],
            total=frame.height,
            rows=cells(frame.head(SHOWN_ROWS).rows()),
            shown=min(frame.height, SHOWN_ROWS),
        ),
    )


@area_view("view_focused_sampling")
def cohort_xlsx(request: HttpRequest, area: LocalArea, cohort_key: str) -> HttpResponse:
    """The whole cohort list as XLSX; audited as an export."""
    cohort = _cohort(cohort_key)
    snapshot = find_snapshot(area)
    if snapshot is None:
        raise Http404("No person-level data yet.")
    form = _filters(request)
    frame = cohort_rows(snapshot.read(None), snapshot.snapshot_date, cohort, form.filters())
    data = table_to_xlsx({cohort.title[:31]: ([_title(c) for c in frame.columns], frame.rows())})
    record(
        request,
        AuditAction.EXPORTED,
        "focused_sampling",
        snapshot.snapshot_id,
        area=area,
        detail=f"XLSX {cohort.key}, {frame.height} rows {form.query()}".strip(),
    )
    response = HttpResponse(data, content_type=XLSX)
    name = f"{cohort.key}-{area.code}-{snapshot.snapshot_date.isoformat()}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
