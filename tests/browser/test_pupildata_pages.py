"""Person-level data in a real browser: upload, progress, dashboard and rows, with no accessibility violations."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AS_OF = dt.date(2025, 3, 31)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _csv(tmp_path, rows=150, dirty=False):
    from sendready.domain.person_level.generator import generate, write_csv

    path = tmp_path / ("dirty.csv" if dirty else "pupils.csv")
    write_csv(generate(rows, 7, dirty=dirty, as_of=AS_OF), path)
    return path


def _upload(page, live_server, path):
    page.goto(f"{live_server.url}/areas/E99000001/data/import/")
    assert_accessible(page)
    page.get_by_label("Upload a file").set_input_files(str(path))
    page.get_by_label("Day").fill(str(AS_OF.day))
    page.get_by_label("Month").fill(str(AS_OF.month))
    page.get_by_label("Year").fill(str(AS_OF.year))
    page.get_by_role("button", name="Check and import").click()


def test_an_upload_reaches_done_and_the_dashboard_and_rows_are_accessible(
    page, live_server, two_areas, tmp_path, console_errors
) -> None:
    sign_in(page, live_server, "a_lano")
    _upload(page, live_server, _csv(tmp_path))
    expect(page.get_by_text("File imported")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="See the figures").click()
    expect(page.get_by_role("heading", name="Person-level data", exact=True)).to_be_visible()
    expect(page.locator("img.sr-chart__image").first).to_have_js_property("complete", True)
    assert page.locator("img.sr-chart__image").first.evaluate("img => img.naturalWidth") > 0
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("see the rows behind EHC plans")).first.click()
    expect(page.locator("h1")).to_be_visible()
    expect(page.get_by_text("Page 1 of")).to_be_visible()
    assert_accessible(page)
    assert not console_errors


def test_the_progress_page_polls_until_the_import_is_done(
    page, live_server, two_areas, tmp_path, console_errors
) -> None:
    from sendready.pupildata.actions import process_import
    from sendready.pupildata.models import ImportRun

    people, _ = two_areas
    path = _csv(tmp_path, rows=60)
    run = ImportRun.objects.create(
        area=people.area, file_name="pupils.csv", upload_path=str(path), snapshot_date=AS_OF
    )
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/areas/E99000001/data/import/{run.pk}/")
    expect(page.locator("#import-progress-text")).to_have_attribute("aria-live", "polite")
    expect(page.get_by_role("link", name="Check progress")).to_be_visible()
    assert_accessible(page)
    process_import(run_id=run.pk)
    expect(page.get_by_text("File imported")).to_be_visible(timeout=10_000)
    assert not console_errors


def test_an_upload_with_errors_lists_the_problems_accessibly(
    page, live_server, two_areas, tmp_path, console_errors
) -> None:
    sign_in(page, live_server, "a_lano")
    _upload(page, live_server, _csv(tmp_path, rows=80, dirty=True))
    expect(page.get_by_role("heading", name="The file was not imported")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Nothing was imported")
    table = page.get_by_role("table", name="Problems in the file")
    expect(table).to_contain_text("primary_need")
    assert table.locator("tbody tr").count() >= 8
    assert_accessible(page)
    assert not console_errors


def test_the_file_layout_page_is_accessible(page, live_server, two_areas, console_errors) -> None:
    sign_in(page, live_server, "a_viewer")
    page.goto(f"{live_server.url}/areas/E99000001/data/schema/")
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/areas/E99000001/data/")
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)
    assert not console_errors
