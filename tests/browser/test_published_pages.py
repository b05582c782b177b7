"""DfE's published figures in a real browser: the dashboard's tables and the published page, accessible."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AS_OF = dt.date(2025, 3, 31)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_an_officer_goes_from_the_dashboard_to_dfes_figures_and_the_comparison(
    page, live_server, two_areas, tmp_path, console_errors
) -> None:
    from sendready.domain.person_level.generator import generate, write_csv
    from sendready.pupildata import actions

    people, _ = two_areas
    people.area.old_la_code, people.area.region = "390", "North East"  # as Gateshead
    people.area.save()
    path = tmp_path / "pupils.csv"
    write_csv(generate(120, 7, as_of=AS_OF), path)
    lano = next(u for u in people.by_role.values() if u.username == "a_lano")
    run = actions.import_path(actor=lano, area=people.area, path=path, snapshot_date=AS_OF)
    assert run.snapshot_id, run.errors
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/areas/E99000001/data/")
    expect(page.get_by_role("heading", name="Published by DfE")).to_be_visible()
    expect(page.get_by_role("cell", name="36th of 151")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Every year DfE published").click()
    expect(page.get_by_role("heading", name="Figures DfE publishes for this area")).to_be_visible()
    expect(page.get_by_text("DfE published 80.8%").first).to_be_visible()
    assert_accessible(page)
    assert not console_errors
