"""The dashboard's figure, overlap and breakdown tables, rendered once per snapshot and view of it.

They are most of the dashboard's work (a hundred links and definitions), and they depend only on the
snapshot's file (never changed once written), the filters, the area's name and code, and whether the
person may follow links to rows. The access check, the filter form and the trends stay per request.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.template.loader import render_to_string
from markupsafe import Markup

from sendready.areas.models import LocalArea
from sendready.pupildata import figures, presenters, published
from sendready.pupildata.models import Snapshot


@dataclass(frozen=True)
class _View:
    """What the tables depend on (the key), and the objects to render them from (not in the key)."""

    area_code: str
    area_name: str
    area_la_code: str  # DfE's figures beside ours follow it
    snapshot_file: tuple
    filters: tuple
    query: str
    can_view_rows: bool
    suppress_below: int
    area: LocalArea = field(compare=False, hash=False)
    snapshot: Snapshot = field(compare=False, hash=False)


def figure_tables(
    area: LocalArea,
    snapshot: Snapshot,
    filters: dict[str, list[str]],
    query: str,
    can_view_rows: bool,
) -> Markup:
    """The tables as HTML; on a filtered view, small counts are hidden from those who cannot see rows."""
    return _render(
        _View(
            area.code,
            area.name,
            area.old_la_code,
            figures.file_key(snapshot),
            figures.filter_key(filters),
            query,
            can_view_rows,
            settings.PUPIL_SUPPRESS_BELOW,
            area,
            snapshot,
        )
    )


@lru_cache(maxsize=128)
def _render(view: _View) -> Markup:
    filters = {k: list(v) for k, v in view.filters}
    current = figures.indicators_for(view.snapshot, filters)
    if filters and not view.can_view_rows:
        current = presenters.suppress_small_counts(current, view.suppress_below)
    context = {
        "area": view.area,
        "snapshot": view.snapshot,
        "query": view.query,
        "can_view_rows": view.can_view_rows,
        "sections": presenters.sections(current),
        "overlaps": presenters.overlaps(current),
        "status_columns": presenters.STATUS_COLUMNS,
        "breakdowns": presenters.breakdown_tables(current),
        # DfE's figures are for the whole area: shown beside ours whether or not the view is filtered.
        "published": published.latest_rows(published.series_for_area(view.area)),
    }
    return Markup(render_to_string("pupildata/_figure_tables.html", context))
