"""The dashboard, rows, schema, templates and export pages."""

import io

import openpyxl
import pytest

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _url(people, tail=""):
    return f"/areas/{people.area.code}/data/{tail}"


def test_the_dashboard_before_any_import_says_so_and_offers_the_import(client, people, lano):
    client.force_login(lano)
    page = client.get(_url(people)).content.decode()
    assert "No person-level data has been imported" in page
    assert "/data/import/" in page


def test_the_dashboard_shows_headline_figures_with_definitions_and_national_comparison(
    client, people, lano, snapshot
):
    client.force_login(lano)
    response = client.get(_url(people))
    page = response.content.decode()
    assert response.status_code == 200
    assert "New EHC plans issued within 20 weeks (excluding exceptions)" in page
    assert "How this is worked out" in page
    assert "England 46.4%" in page
    assert f"/snapshots/{snapshot.pk}/rows/ehc_plans/" in page
    assert "By primary need" in page
    assert f"{snapshot.indicators['indicators'][1]['value']:,}" in page


def test_a_viewer_sees_figures_but_no_links_to_rows(client, people, snapshot):
    client.force_login(people.by_role[Role.VIEWER])
    page = client.get(_url(people)).content.decode()
    assert "England 46.4%" in page
    assert "/rows/" not in page
    assert client.get(_url(people, f"snapshots/{snapshot.pk}/rows/ehc_plans/")).status_code == 403


def test_filters_narrow_the_figures_to_one_need(client, people, lano, snapshot):
    client.force_login(lano)
    page = client.get(_url(people) + "?need=ASD").content.decode()
    assert "These figures are for the filtered people only" in page
    assert "need=ASD" in page


def test_an_unknown_filter_value_is_ignored_not_an_error(client, people, lano, snapshot):
    client.force_login(lano)
    response = client.get(_url(people) + "?need=NOPE&phase=<script>")
    assert response.status_code == 200


def test_rows_behind_a_figure_are_paginated_and_every_view_is_audit_logged(
    client, people, lano, snapshot
):
    client.force_login(lano)
    response = client.get(_url(people, f"snapshots/{snapshot.pk}/rows/ehc_plans/"))
    page = response.content.decode()
    assert response.status_code == 200
    ehc = next(i["value"] for i in snapshot.indicators["indicators"] if i["id"] == "ehc_plans")
    assert f"{ehc:,} people counted in this figure" in page
    assert "Page 1 of" in page
    event = AuditEvent.objects.get(action=AuditAction.VIEWED, object_type="pupil_rows")
    assert (
        event.detail == "ehc_plans"
        and event.object_id == str(snapshot.pk)
        and event.area == people.area
    )


def test_rows_of_a_breakdown_cell_and_a_denominator_can_be_seen(client, people, lano, snapshot):
    client.force_login(lano)
    base = _url(people, f"snapshots/{snapshot.pk}/rows/")
    assert client.get(base + "by_primary_need:ASD/").status_code == 200
    assert (
        "base of this percentage"
        in client.get(base + "ehc_within_20_weeks_pct/?part=denominator&page=99").content.decode()
    )
    assert client.get(base + "no_such_figure/").status_code == 404


def test_another_areas_snapshot_is_not_found(client, two_areas, snapshot):
    people, area_b = two_areas
    client.force_login(people.outsider)
    url = f"/areas/{area_b.code}/data/snapshots/{snapshot.pk}/rows/ehc_plans/"
    assert client.get(url).status_code == 404


def test_the_trend_chart_is_an_svg_image(client, people, lano, snapshot):
    client.force_login(lano)
    response = client.get(_url(people, "trends/ehc_plans.svg"))
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
    assert client.get(_url(people, "trends/by_primary_need.svg")).status_code == 404


def test_the_schema_page_lists_every_column_with_allowed_values(client, people, lano):
    from sendready.domain.person_level.schema import load_schema

    client.force_login(people.by_role[Role.VIEWER])
    page = client.get(_url(people, "schema/")).content.decode()
    for column in load_schema().columns:
        assert f"<code>{column.name}</code>" in page
    assert "Autistic spectrum disorder" in page


def test_templates_download_as_csv_and_xlsx(client, people, lano):
    from sendready.domain.person_level.schema import load_schema

    client.force_login(lano)
    csv = client.get(_url(people, "template.csv")).content.decode()
    assert csv.splitlines()[0].split(",") == load_schema().names
    xlsx = client.get(_url(people, "template.xlsx"))
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert [c.value for c in book.worksheets[0][1]] == load_schema().names


def test_the_export_is_the_documented_layout_is_audit_logged_and_never_holds_a_formula(
    client, people, lano, snapshot
):
    from sendready.domain.person_level.schema import load_schema

    client.force_login(lano)
    response = client.get(_url(people, f"snapshots/{snapshot.pk}/export.xlsx"))
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = book["Pupils"]
    rows = list(sheet.iter_rows())
    assert [c.value for c in rows[0]] == load_schema().names
    assert len(rows) == snapshot.row_count + 1
    assert not [c.coordinate for row in rows for c in row if c.data_type == "f"]
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORTED, object_id=str(snapshot.pk)
    ).exists()
