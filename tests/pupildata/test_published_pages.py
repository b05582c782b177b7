"""DfE's published figures beside ours: the dashboard, the published page and the command's JSON."""

import json

import pytest
from django.core.management import call_command

from sendready.areas.constants import Role

pytestmark = pytest.mark.django_db


def _as_gateshead(people):
    people.area.old_la_code = "390"
    people.area.region = "North East"
    people.area.save()


def _url(people, tail=""):
    return f"/areas/{people.area.code}/data/{tail}"


def test_the_dashboard_shows_dfes_figures_beside_ours_with_region_england_and_rank(
    client, people, lano, snapshot
):
    _as_gateshead(people)
    client.force_login(lano)
    page = client.get(_url(people)).content.decode()
    assert "Published by DfE for Ashvale (test), its region and England: New EHC plans" in page
    # Gateshead's 2024 20-week figure (excluding exceptions), the North East's, England's, the rank.
    for text in ("80.8%", "49.0%", "46.4%", "36th of 151", "1 is the highest (higher is better)"):
        assert text in page
    assert "Published by DfE only" in page and "SEND Tribunal appeal rate" in page
    assert "1 is the lowest (lower is better)" in page
    assert _url(people, "published/") in page


def test_an_area_dfe_does_not_publish_sees_not_published_never_zero(client, people, lano, snapshot):
    client.force_login(lano)
    page = client.get(_url(people)).content.decode()
    assert "DfE publishes no figures for this area." in page
    assert "42.3%" in page  # the West Midlands, 2024
    assert "No rank" in page


def test_the_published_page_lists_every_year_and_compares_our_figures(client, people, snapshot):
    _as_gateshead(people)
    client.force_login(people.by_role[Role.VIEWER])
    response = client.get(_url(people, "published/"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Figures DfE publishes for this area" in page
    assert "Your figures beside DfE's for the same period" in page
    # The snapshot is dated 31 March 2025: it covers calendar years 2024 and 2023, not January 2025.
    assert "Your file gives" in page and "DfE published 80.8%" in page
    assert "January 2025" in page and "1,923" in page
    assert "Open Government Licence v3.0" in page
    assert "differs by 5 points or more, or a count by 5% or more" in page
    assert "Requests where the council decided not to assess" in page


def test_the_published_page_says_when_a_boundary_change_means_no_figure(client, people, lano):
    people.area.old_la_code = "943"
    people.area.region = "North West"
    people.area.save()
    client.force_login(lano)
    page = client.get(_url(people, "published/")).content.decode()
    assert "Import a person-level file to compare" in page
    assert "Not published for this area in 2022: Cumbria was split" in page


def test_the_indicators_command_gives_published_beside_each_figure(people, snapshot, capsys):
    _as_gateshead(people)
    call_command("indicators", "--area", people.area.code, "--format", "json")
    data = json.loads(capsys.readouterr().out)
    by_id = {i["id"]: i for i in data["indicators"]}
    beside = by_id["ehc_within_20_weeks_dfe_pct"]["published"]
    assert {k: beside[k] for k in ("year", "area", "region", "england", "rank")} == {
        "year": "2024",
        "area": 80.8,
        "region": 49.0,
        "england": 46.4,
        "rank": 36,
    }
    assert by_id["neet"]["published"] is None
    assert data["published"]["tribunal_appeal_rate_pct"]["year"] == "2024"
    periods = {(c["measure"], c["year"]) for c in data["reconciliation"]}
    assert ("plans_within_20_weeks_excl_exceptions_pct", "2024") in periods
    assert all(c["published"] is not None for c in data["reconciliation"] if c["year"] == "2024")
