"""Pages of a large snapshot read only what they show: rows in slices, figures worked out once per filter."""

import io

import openpyxl
import polars as pl
import pyarrow.parquet as pq
import pytest
from django.urls import reverse

from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.domain.person_level.indicators import compute_indicators, rows_for
from sendready.domain.person_level.reading import ROW_COLUMN
from sendready.pupildata import figures, storage
from sendready.pupildata.export import snapshot_xlsx
from tests.pupildata.conftest import AS_OF, csv_bytes


@pytest.fixture
def shuffled_snapshot(people, lano, tmp_path):
    """A snapshot imported from a file whose rows are not in person_id order."""
    from sendready.pupildata import actions

    frame = pl.read_csv(io.BytesIO(csv_bytes(700, seed=11)), infer_schema=False)
    path = tmp_path / "shuffled.csv"
    frame.sample(fraction=1.0, shuffle=True, seed=5).write_csv(path)
    run = actions.import_path(actor=lano, area=people.area, path=path, snapshot_date=AS_OF)
    assert run.snapshot_id, run.errors
    return run.snapshot


def _old_page(snapshot, indicator, filters, part, page):
    """What the rows page showed when it read the whole file on every request."""
    chosen = rows_for(indicator, storage.read_rows(snapshot.data_path), AS_OF, filters, part).sort(
        "person_id"
    )
    part_frame = chosen.slice((page - 1) * figures.PAGE_SIZE, figures.PAGE_SIZE)
    return chosen.height, figures._text_rows(part_frame.select(figures.ROW_COLUMNS))


@pytest.mark.parametrize(
    "indicator, part, filters",
    [
        ("rows", "numerator", {}),
        ("ehc_plans", "numerator", {"phase": ["primary"]}),
        ("ehc_within_20_weeks_pct", "denominator", {}),
        ("by_primary_need:ASD", "numerator", {}),
    ],
)
def test_a_rows_page_read_in_a_slice_shows_what_reading_the_whole_file_showed(
    shuffled_snapshot, indicator, part, filters
):
    for page in (1, 2, 99):
        total, rows = _old_page(shuffled_snapshot, indicator, filters, part, page)
        shown = figures.rows_page(shuffled_snapshot, indicator, filters, part, page)
        assert shown.total == total
        if page <= shown.pages:
            assert shown.rows == rows


def test_snapshots_are_stored_in_person_id_order_in_small_row_groups_keeping_the_file_order(
    shuffled_snapshot,
):
    path = storage.local_path(shuffled_snapshot.data_path)
    stored = pl.read_parquet(path)
    assert stored["person_id"].is_sorted()
    assert sorted(stored[ROW_COLUMN].to_list()) == list(range(2, 702))  # heading is row 1
    assert pq.ParquetFile(path).metadata.row_group(0).num_rows <= storage.ROW_GROUP_ROWS


def test_the_export_lists_rows_in_the_order_of_the_imported_file(shuffled_snapshot):
    source = pl.read_parquet(storage.local_path(shuffled_snapshot.data_path)).sort(ROW_COLUMN)
    book = openpyxl.load_workbook(snapshot_xlsx(shuffled_snapshot), read_only=True)
    exported = [row[0] for row in book["Pupils"].iter_rows(min_row=2, values_only=True)]
    assert exported == source["person_id"].to_list()


def test_filtered_figures_are_worked_out_once_per_snapshot_and_filter(
    shuffled_snapshot, monkeypatch
):
    reads = []
    real_scan = storage.scan_rows
    monkeypatch.setattr(storage, "scan_rows", lambda name: reads.append(name) or real_scan(name))
    filters = {"phase": ["secondary"]}
    first = figures.indicators_for(shuffled_snapshot, filters)
    again = figures.indicators_for(shuffled_snapshot, {"phase": ["secondary"]})
    assert len(reads) == 1 and again is first
    whole = compute_indicators(storage.read_rows(shuffled_snapshot.data_path), AS_OF, filters)
    assert first.to_dict() == whole.to_dict()
    figures.indicators_for(shuffled_snapshot, {"phase": ["primary"]})
    assert len(reads) == 2


def test_a_cached_rows_page_still_checks_access_and_writes_an_audit_entry_every_time(
    client, people, lano, shuffled_snapshot
):
    url = reverse("pupildata:rows", args=[people.area.code, shuffled_snapshot.pk, "ehc_plans"])
    client.force_login(lano)
    for _ in range(3):
        assert client.get(url).status_code == 200
    viewed = AuditEvent.objects.filter(action=AuditAction.VIEWED, object_type="pupil_rows")
    assert viewed.count() == 3
    client.logout()
    client.force_login(people.outsider)
    assert client.get(url).status_code in (403, 404)
    assert viewed.count() == 3


def test_a_trend_chart_is_drawn_once_for_the_same_numbers_and_again_when_they_change(
    client, people, lano, snapshot, tmp_path, monkeypatch
):
    from sendready.documents import charts
    from sendready.pupildata import actions

    drawn = []
    real = charts.line_svg
    monkeypatch.setattr(charts, "line_svg", lambda *a: drawn.append(a) or real(*a))
    client.force_login(lano)
    url = reverse("pupildata:chart", args=[people.area.code, "ehc_plans"])
    first = client.get(url).content
    assert client.get(url).content == first and len(drawn) <= 1
    path = tmp_path / "later.csv"
    path.write_bytes(csv_bytes(120, seed=9, as_of=AS_OF.replace(month=6, day=30)))
    assert actions.import_path(
        actor=lano, area=people.area, path=path, snapshot_date=AS_OF.replace(month=6, day=30)
    ).snapshot_id
    second = client.get(url)
    assert second.status_code == 200 and second.content != first and len(drawn) <= 2
