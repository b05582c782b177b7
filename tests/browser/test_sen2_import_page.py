"""The SEN2 upload page in a real browser: the nine files chosen together import, with no accessibility
violations on the upload page or the problems page."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _blade(tmp_path, dirty=False):
    from sendready.domain.sen2.generator import generate_blade, write_blade

    tables = generate_blade(60, seed=4, today=TODAY, dirty=dirty)
    return write_blade(tables, tmp_path / ("dirty" if dirty else "clean"), TODAY)


def _upload(page, live_server, paths):
    page.goto(f"{live_server.url}/areas/E99000001/data/import/sen2/")
    expect(
        page.get_by_text("Names, UPNs, ULNs and postcodes in the return are never stored")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Upload the SEN2 return").set_input_files([str(p) for p in paths])
    page.get_by_label("Day").fill(str(TODAY.day))
    page.get_by_label("Month").fill(str(TODAY.month))
    page.get_by_label("Year").fill(str(TODAY.year))
    page.get_by_role("button", name="Check and import").click()


def test_the_nine_blade_files_upload_and_problems_list_their_file(
    page, live_server, two_areas, tmp_path, console_errors
) -> None:
    sign_in(page, live_server, "a_lano")
    _upload(page, live_server, _blade(tmp_path))
    expect(page.get_by_text("File imported")).to_be_visible()
    assert_accessible(page)
    _upload(page, live_server, _blade(tmp_path, dirty=True))
    expect(page.get_by_role("heading", name="The file was not imported")).to_be_visible()
    expect(page.get_by_role("columnheader", name="File").first).to_be_visible()
    assert_accessible(page)
    assert not console_errors
