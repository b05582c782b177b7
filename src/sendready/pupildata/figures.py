"""Reading figures and rows of a snapshot: cached JSON when unfiltered, Parquet + polars otherwise."""

from dataclasses import dataclass

import polars as pl

from sendready.domain.person_level.indicators import (
    IndicatorSet,
    compute_indicators,
    indicator_set_from_dict,
    rows_for,
)
from sendready.pupildata import storage
from sendready.pupildata.models import Snapshot

ROW_COLUMNS = [
    "person_id",
    "date_of_birth",
    "sen_status",
    "primary_need",
    "phase",
    "setting_type",
    "ehcna_request_date",
    "final_plan_date",
    "exception_flag",
    "last_annual_review_date",
]
PAGE_SIZE = 50


def cached(snapshot: Snapshot) -> IndicatorSet:
    """The figures saved with the snapshot at import."""
    return indicator_set_from_dict(snapshot.indicators)


def indicators_for(snapshot: Snapshot, filters: dict[str, list[str]]) -> IndicatorSet:
    """Every figure for the snapshot, for the filters given (worked out again only when filtered)."""
    if not filters:
        return cached(snapshot)
    return compute_indicators(
        storage.read_rows(snapshot.data_path), snapshot.snapshot_date, filters
    )


@dataclass
class RowsPage:
    columns: list[str]
    rows: list[tuple]
    total: int
    page: int
    pages: int


def rows_page(
    snapshot: Snapshot, indicator_id: str, filters: dict[str, list[str]], part: str, page: int
) -> RowsPage:
    """One page of the rows behind a figure; raises KeyError for an unknown figure."""
    frame = storage.read_rows(snapshot.data_path)
    chosen = rows_for(indicator_id, frame, snapshot.snapshot_date, filters, part)
    total = chosen.height
    pages = max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    page = min(max(page, 1), pages)
    part_frame = (
        chosen.sort("person_id").slice((page - 1) * PAGE_SIZE, PAGE_SIZE).select(ROW_COLUMNS)
    )
    return RowsPage(
        columns=ROW_COLUMNS, rows=_text_rows(part_frame), total=total, page=page, pages=pages
    )


def _text_rows(frame: pl.DataFrame) -> list[tuple]:
    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "Yes" if value else "No"
        return str(value)

    return [tuple(text(v) for v in row) for row in frame.iter_rows()]
