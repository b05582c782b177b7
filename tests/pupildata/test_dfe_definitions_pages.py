"""DfE's definitions on the pages and in `sendready indicators`: the definitions page, the dashboard's
DfE figures, files without the new columns, and snapshots saved before the new figures existed."""

import html
import json

import openpyxl
import polars as pl
import pytest
from django.core.management import call_command

from sendready.areas.constants import Role
from sendready.domain.person_level.generator import generate
from sendready.domain.person_level.indicator_rules import specs
from sendready.domain.person_level.indicators import definitions
from sendready.pupildata import actions, figures, storage
from sendready.pupildata.definitions import definition_groups, where_they_differ
from sendready.pupildata.export import snapshot_xlsx
from sendready.pupildata.snapshot_source import SOURCE
from tests.pupildata.conftest import AS_OF

pytestmark = pytest.mark.django_db
NEW = (
    "ehc_new_plans_dfe",
    "ehc_within_20_weeks_dfe_pct",
    "ehc_within_20_weeks_incl_exceptions_dfe_pct",
    "ehc_decision_within_6_weeks_dfe_pct",
    "severe_absence_pct",
    "neet_or_not_known_16_17_pct",
    "under_5_reviews_over_6_months",
)
ALL_NEW = {
    *NEW,
    "under_5_reviews_over_6_months_pct",
    "severe_absence_ehc_pct",
    "severe_absence_sen_support_pct",
    "neet_or_not_known_16_17",
}


def _url(people, tail=""):
    return f"/areas/{people.area.code}/data/{tail}"


def _import_without_new_columns(people, lano, tmp_path):
    """A file in the layout as it was before decision_outcome and transfer_in."""
    path = tmp_path / "old-layout.csv"
    generate(300, 3, as_of=AS_OF).drop("decision_outcome", "transfer_in").write_csv(path)
    run = actions.import_path(actor=lano, area=people.area, path=path, snapshot_date=AS_OF)
    assert run.snapshot_id, run.errors
    return run.snapshot


def test_the_definitions_page_is_offered_before_any_import(client, people, lano):
    client.force_login(lano)
    assert _url(people, "definitions/") in client.get(_url(people)).content.decode()


def test_every_figure_is_on_the_definitions_page_once():
    listed = [d.id for _, entries in definition_groups() for d in entries]
    assert sorted(listed) == sorted(s.id for s in specs())


def test_the_definitions_page_sets_each_definition_beside_dfe_s_and_says_where_they_differ(
    client, people, snapshot
):
    client.force_login(people.by_role[Role.VIEWER])
    dashboard = client.get(_url(people)).content.decode()
    assert _url(people, "definitions/") in dashboard
    response = client.get(_url(people, "definitions/"))
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "<h1" in page and "Where ours and DfE's differ" in page
    defs = definitions()
    for spec in specs():
        assert f'id="{spec.id}"' in page
        assert defs[spec.id]["title"] in page
        assert defs[spec.id]["dfe_definition"] in page
    assert "govuk-summary-list" in page
    assert "Transferred in (transfer_in)" in page  # the optional column DfE's 20 weeks needs
    assert "Our definition" in page and "DfE's definition" in page and "Dates covered" in page
    differ, same, unpublished = where_they_differ(definition_groups())
    assert "ehc_within_20_weeks_pct" in {d.id for d in differ}
    assert "child_in_need_ehc" in {d.id for d in unpublished}
    assert f"Where ours and DfE's differ ({len(differ)} of the {len(differ) + len(same)}" in page
    assert f"Figures DfE does not publish ({len(unpublished)})" in page


def test_the_definitions_page_is_only_for_those_who_may_see_the_area(client, two_areas):
    people, area_b = two_areas
    client.force_login(people.outsider)  # area B's nominated officer
    assert client.get(f"/areas/{people.area.code}/data/definitions/").status_code in (403, 404)
    assert client.get(f"/areas/{area_b.code}/data/definitions/").status_code == 200


def test_the_dashboard_shows_dfe_s_figures_for_the_calendar_year_beside_ours(
    client, people, lano, snapshot
):
    client.force_login(lano)
    page = html.unescape(client.get(_url(people)).content.decode())
    assert "New EHC plans and decisions as DfE counts them (calendar year)" in page
    assert "New EHC plans issued within 20 weeks (excluding exceptions), last 12 months" in page
    assert (
        "New EHC plans issued within 20 weeks (excluding exceptions), calendar year (DfE definition)"
        in page
    )
    assert "Covers calendar year 2024" in page and "Covers 12 months to 31 March 2025" in page
    assert "Severe absence: pupils" in page
    assert "NEET or not known, academic age 16 and 17 (DfE definition)" in page
    assert "Under-5s' EHC plans not reviewed for over 6 months" in page
    assert f"/snapshots/{snapshot.pk}/rows/ehc_within_20_weeks_dfe_pct/" in page
    assert "Not in this file" not in page


def test_a_file_without_the_new_columns_imports_and_its_figures_say_not_in_this_file(
    client, people, lano, tmp_path
):
    snapshot = _import_without_new_columns(people, lano, tmp_path)
    client.force_login(lano)
    page = client.get(_url(people, f"snapshots/{snapshot.pk}/")).content.decode()
    assert "Not in this file" in page
    assert "The file has no transfer_in column." in page
    assert "The file has no decision_outcome column." in page
    assert "/rows/ehc_within_20_weeks_dfe_pct/" not in page  # no rows behind a figure it lacks
    assert f"/snapshots/{snapshot.pk}/rows/ehc_within_20_weeks_pct/" in page  # ours is still there
    assert figures.rows_page(snapshot, "ehc_new_plans_dfe", {}, "numerator", 1).total == 0


def test_indicators_json_has_the_new_figures_and_keeps_every_existing_key(people, snapshot, capsys):
    call_command("indicators", "--area", people.area.code, "--format", "json")
    data = json.loads(capsys.readouterr().out)
    for key in ("rows", "ehc_plans", "ehc_within_20_weeks_pct", "persistent_absence_pct", "neet"):
        assert key in data
    for key in NEW:
        assert isinstance(data[key], (int, float)), key
    entry = {i["id"]: i for i in data["indicators"]}["ehc_within_20_weeks_dfe_pct"]
    assert entry["period"] == "calendar year 2024" and entry["not_in_file"] == []
    assert entry["dfe_definition"] and entry["differs_from_dfe"] and entry["dfe_publishes"]
    assert {"area", "snapshot", "rows", "indicators", "breakdowns"} <= set(data)


def test_a_snapshot_saved_before_the_new_figures_shows_them_worked_out_from_its_file(
    client, people, lano, tmp_path, capsys
):
    snapshot = _import_without_new_columns(people, lano, tmp_path)
    # As saved before this change: none of the new figures in the cache, no new columns in the file.
    saved = dict(snapshot.indicators)
    saved["indicators"] = [i for i in saved["indicators"] if i["id"] not in ALL_NEW]
    snapshot.indicators = saved
    snapshot.save(update_fields=["indicators"])
    frame = storage.read_rows(snapshot.data_path)
    assert "transfer_in" not in frame.columns or frame["transfer_in"].is_null().all()
    call_command("indicators", "--area", people.area.code, "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data["ehc_within_20_weeks_dfe_pct"] is None
    assert data["severe_absence_pct"] is not None  # the file has attendance
    entry = {i["id"]: i for i in data["indicators"]}["ehc_within_20_weeks_dfe_pct"]
    assert entry["not_in_file"] == ["transfer_in"]
    client.force_login(lano)
    page = client.get(_url(people, f"snapshots/{snapshot.pk}/")).content.decode()
    assert "Severe absence: pupils" in page


def test_a_stored_file_lacking_the_new_columns_altogether_still_gives_every_figure(
    people, lano, tmp_path
):
    snapshot = _import_without_new_columns(people, lano, tmp_path)
    path = storage.local_path(snapshot.data_path)
    pl.read_parquet(path).drop("transfer_in", "decision_outcome").write_parquet(path)
    figures._filtered.cache_clear()
    filtered = figures.indicators_for(snapshot, {"primary_need": ["ASD"]})
    assert filtered["ehc_new_plans_dfe"] is None
    assert filtered.indicators["ehc_new_plans_dfe"].not_in_file == ["transfer_in"]
    assert filtered["ehc_within_20_weeks_pct"] is not None
    page = figures.rows_page(snapshot, "ehc_decision_within_6_weeks_pct", {}, "numerator", 1)
    assert page.total >= 0
    # The download for inspectors and other capabilities' reads get the new columns blank.
    path = snapshot_xlsx(snapshot)
    try:
        sheet = openpyxl.load_workbook(path, read_only=True)["Pupils"]
        header, first = list(sheet.iter_rows(min_row=1, max_row=2, values_only=True))
        assert "transfer_in" in header and first[header.index("transfer_in")] is None
    finally:
        path.unlink()
    read = SOURCE.find(people.area, AS_OF)
    assert read is not None
    assert read.read(["person_id", "decision_outcome"])["decision_outcome"].null_count() == 300
