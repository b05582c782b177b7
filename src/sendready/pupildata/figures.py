"""Reading figures and rows of a snapshot: cached JSON when unfiltered, Parquet + polars otherwise.

A snapshot's file never changes once written (a new import makes a new file under a new name), so what
is worked out from it is kept in this process, keyed by the file's name: filtered figures, and where the
rows behind a figure are. Access checks and audit entries stay in the views, on every request.
"""

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import polars as pl

from sendready.domain.person_level.indicator_rules import specs
from sendready.domain.person_level.indicators import (
    POSITION,
    IndicatorSet,
    compute_indicators,
    indicator_set_from_dict,
    positions_for,
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
    """The figures saved with the snapshot at import; worked out again from its file (once in this
    process) when they were saved before some of today's figures existed, so every snapshot shows
    every figure by today's rules."""
    saved = indicator_set_from_dict(snapshot.indicators)
    if all(s.id in saved.indicators for s in specs()):
        return saved
    return _filtered(*file_key(snapshot), ())


def indicators_for(snapshot: Snapshot, filters: dict[str, list[str]]) -> IndicatorSet:
    """Every figure for the snapshot, for the filters given (worked out again only when filtered)."""
    if not filters:
        return cached(snapshot)
    return _filtered(*file_key(snapshot), filter_key(filters))


def file_key(snapshot: Snapshot) -> tuple:
    """What identifies a snapshot's file for as long as this process runs."""
    # The name alone could come back after a rolled-back test or a restored database; these cannot.
    return (snapshot.data_path, snapshot.pk, snapshot.created_at, snapshot.snapshot_date)


def filter_key(filters: dict[str, list[str]]) -> tuple:
    """The filters in a fixed order, usable as a key."""
    return tuple(sorted((k, tuple(sorted(v))) for k, v in filters.items() if v))


@lru_cache(maxsize=64)
def _filtered(
    name: str, pk: int, created: dt.datetime, as_of: dt.date, filters: tuple
) -> IndicatorSet:
    # Shared by later requests: the presenters only read it, and suppression makes a copy.
    return compute_indicators(storage.scan_rows(name), as_of, {k: list(v) for k, v in filters})


@lru_cache(maxsize=32)
def _positions(
    name: str,
    pk: int,
    created: dt.datetime,
    as_of: dt.date,
    indicator_id: str,
    filters: tuple,
    part: str,
) -> pl.Series:
    # 4 bytes a row: even every row of a million-row snapshot is 4 MB. Never changed once made.
    chosen = positions_for(
        indicator_id, storage.scan_rows(name), as_of, {k: list(v) for k, v in filters}, part
    )
    return chosen.collect()[POSITION]


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
    positions = _positions(*file_key(snapshot), indicator_id, filter_key(filters), part)
    total = len(positions)
    pages = max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    page = min(max(page, 1), pages)
    chosen = positions.slice((page - 1) * PAGE_SIZE, PAGE_SIZE).to_list()
    part_frame = storage.read_positions(snapshot.data_path, chosen, ROW_COLUMNS)
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
