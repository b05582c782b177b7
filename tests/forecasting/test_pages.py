"""The forecast pages for a signed-in member: tables, sorting, downloads, the area page, backtest, upload."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sendready.areas.constants import Role
from tests.forecasting.test_import import HEADER, _row


@pytest.fixture
def lano_client(client, two_areas):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    return client


@pytest.fixture
def practitioner_client(client, two_areas):
    people, _ = two_areas
    client.force_login(people.by_role[Role.PRACTITIONER])
    return client


def test_the_national_table_lists_every_area_and_says_crown_copyright(lano_client) -> None:
    page = lano_client.get(reverse("forecasting:national")).content.decode()
    assert page.count('href="/forecast/local-areas/') == 153
    assert "Crown copyright" in page and "Open Government Licence v3.0" in page


def test_the_regional_table_sorts_on_the_server_and_marks_the_sorted_column(lano_client) -> None:
    response = lano_client.get(
        reverse("forecasting:region", args=["west-midlands"]) + "?sort=area&dir=desc"
    )
    page = response.content.decode()
    assert page.count('href="/forecast/local-areas/') == 14
    assert 'aria-sort="descending"' in page
    assert page.index("Wolverhampton") < page.index("Birmingham")


def test_the_region_filter_goes_to_the_regional_page(lano_client) -> None:
    response = lano_client.get(reverse("forecasting:national") + "?region=london")
    assert response.status_code == 302 and response.url == reverse(
        "forecasting:region", args=["london"]
    )
    assert lano_client.get(reverse("forecasting:region", args=["atlantis"])).status_code == 404


def test_the_table_downloads_as_csv_and_xlsx(lano_client) -> None:
    csv_text = lano_client.get(
        reverse("forecasting:table_csv") + "?region=west-midlands"
    ).content.decode("utf-8-sig")
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("Area,ONS code,Region,Last full inspection date")
    assert (
        len(lines) == 1 + 14 + 2 + 1 and "Crown copyright" in lines[-1]
    )  # today the history is out of date
    assert lines[-3] == "The newest inspection held here started on 14 July 2025."
    assert lines[-2].startswith('"OUT OF DATE: That is more than a term ago')
    response = lano_client.get(reverse("forecasting:table_xlsx"))
    book = load_workbook(BytesIO(response.content))
    sheet = book["Forecast"]
    assert sheet.max_row == 1 + 153 + 2
    assert sheet.cell(1, 10).value == "Probability"
    assert (
        sheet.cell(1 + 153 + 1, 1).value
        == "The newest inspection held here started on 14 July 2025."
    )
    assert book["About"].cell(3, 1).value.startswith("OUT OF DATE")


def test_an_area_page_shows_six_terms_the_reasons_and_the_history(lano_client) -> None:
    page = lano_client.get(reverse("forecasting:area_detail", args=["E06000021"])).content.decode()
    assert page.count('<th scope="row" class="govuk-table__header">') == 6
    assert "Last full inspection" in page and "20 Jul 2016" not in page
    assert "Published area SEND inspections of Stoke-on-Trent" in page


def test_the_area_menu_section_shows_a_demo_area_kindly(lano_client, two_areas) -> None:
    people, _ = two_areas
    response = lano_client.get(reverse("forecasting:area_forecast", args=[people.area.code]))
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "is a fictional area made up for the demo" in page
        and "a real area in West Midlands" in page
    )
    assert (
        "Example: when will" in page
        and page.count('<th scope="row" class="govuk-table__header">') == 6
    )
    assert "/forecast/local-areas/E0" in page  # the real area's chart


def test_every_forecast_page_says_how_new_its_history_is_and_warns_that_it_is_out_of_date(
    lano_client,
) -> None:
    for name, args in [
        ("forecasting:national", []),
        ("forecasting:region", ["west-midlands"]),
        ("forecasting:area_detail", ["E06000021"]),
        ("forecasting:backtest", []),
    ]:
        page = lano_client.get(reverse(name, args=args)).content.decode()
        assert "This forecast is out of date" in page and "14 July 2025" in page, name
        assert "import-inspections" in page, name


def test_the_backtest_page_shows_each_method_and_term(lano_client) -> None:
    page = lano_client.get(reverse("forecasting:backtest")).content.decode()
    assert "One per region, longest wait first" in page and "Summer 2025" in page
    assert "Even spread over the areas not yet inspected" in page and "Log loss" in page
    assert "did better than every simple guess on both scores" in page
    revisits = lano_client.get(reverse("forecasting:backtest") + "?kind=revisit").content.decode()
    assert "Spring 2019" in revisits and "re-visits" in revisits


def test_only_site_administrators_may_import_the_national_history(
    lano_client, practitioner_client
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sendready.forecasting.models import InspectionEvent

    assert practitioner_client.get(reverse("forecasting:import")).status_code == 403
    assert lano_client.get(reverse("forecasting:import")).status_code == 403
    body = "\n".join([HEADER, _row(outcome="widespread and/or systemic failings")]).encode()
    response = lano_client.post(
        reverse("forecasting:import"), {"file": SimpleUploadedFile("new.csv", body)}
    )
    assert response.status_code == 403
    assert not InspectionEvent.objects.filter(event_key="E06000021|2023|full|2025-10-06").exists()
    assert (
        "Import newer inspections"
        not in lano_client.get(reverse("forecasting:national")).content.decode()
    )


def test_the_upload_page_says_held_rows_are_updated(admin_client) -> None:
    page = admin_client.get(reverse("forecasting:import")).content.decode()
    assert "already held" in page and "is updated to the values in your file" in page


def test_a_bad_upload_lists_the_problems_and_writes_nothing(admin_client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sendready.forecasting.models import InspectionEvent

    body = "\n".join([HEADER, _row(), _row(new_la_code="E99999999")]).encode()
    response = admin_client.post(
        reverse("forecasting:import"), {"file": SimpleUploadedFile("new.csv", body, "text/csv")}
    )
    page = response.content.decode()
    assert "There is a problem" in page and "E99999999" in page
    assert InspectionEvent.objects.count() == 270


def test_an_upload_naming_a_server_file_is_parsed_as_its_own_bytes_and_never_opened(
    admin_client, tmp_path
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sendready.forecasting.models import InspectionEvent

    secret = tmp_path / "other-area.csv"
    secret.write_text("\n".join([HEADER, _row(source="SECRET-VALUE-FROM-SERVER-FILE")]), "utf-8")
    response = admin_client.post(
        reverse("forecasting:import"),
        {"file": SimpleUploadedFile("new.csv", str(secret).encode(), "text/csv")},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "SECRET-VALUE-FROM-SERVER-FILE" not in page and "1 added" not in page
    assert InspectionEvent.objects.count() == 270


def test_a_good_upload_reports_what_was_added_and_audits_each_row(admin_client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sendready.audit.models import AuditEvent

    body = "\n".join([HEADER, _row()]).encode()
    response = admin_client.post(
        reverse("forecasting:import"), {"file": SimpleUploadedFile("new.csv", body, "text/csv")}
    )
    page = response.content.decode()
    assert "1 added, 0 updated, 0 unchanged" in page
    assert "Stoke-on-Trent: full inspection (2023 framework) started 2025-10-06" in page
    added = AuditEvent.objects.get(action="created", object_id="E06000021|2023|full|2025-10-06")
    assert added.username == "admin" and "POSITIVE" in added.detail
    body = "\n".join([HEADER, _row(outcome="inconsistent experiences and outcomes")]).encode()
    admin_client.post(
        reverse("forecasting:import"), {"file": SimpleUploadedFile("new.csv", body, "text/csv")}
    )
    changed = AuditEvent.objects.get(action="changed", object_id="E06000021|2023|full|2025-10-06")
    assert "outcome 'POSITIVE' -> 'INCONSISTENT'" in changed.detail


def test_signed_out_people_are_sent_to_sign_in(client, db) -> None:
    assert client.get(reverse("forecasting:national")).status_code == 302


def test_an_area_page_has_a_bar_chart_with_the_same_numbers_as_its_table(lano_client) -> None:
    import xml.etree.ElementTree as ET

    page = lano_client.get("/forecast/local-areas/E06000021/").content.decode()
    assert (
        "/forecast/local-areas/E06000021/chart.svg" in page
        and "The same numbers are in the table" in page
    )
    response = lano_client.get("/forecast/local-areas/E06000021/chart.svg")
    assert response["Content-Type"] == "image/svg+xml"
    svg = ET.fromstring(response.content)
    assert svg.tag.endswith("svg")
    assert b"Stoke-on-Trent" in response.content
    assert lano_client.get("/forecast/local-areas/E99999999/chart.svg").status_code == 404


def test_an_administrator_can_upload_ofsteds_spreadsheet_as_published(admin_client) -> None:
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    ods = (
        Path(__file__).resolve().parents[3]
        / "shared"
        / "data"
        / "ofsted_area_send_2016_framework_to_2022-08-31.ods"
    )
    page = admin_client.get(reverse("forecasting:import")).content.decode()
    assert "Data to Insight" in page and "management information" in page
    response = admin_client.post(
        reverse("forecasting:import"), {"file": SimpleUploadedFile(ods.name, ods.read_bytes())}
    )
    page = response.content.decode()
    assert (
        "0 added, 0 updated, 195 unchanged" in page
        and "Read as Ofsted&#39;s official statistics" in page
    )


def test_the_table_says_which_term_it_starts_at_and_why(lano_client) -> None:
    from datetime import date

    from sendready.domain.forecasting.forecast import first_term

    page = lano_client.get(reverse("forecasting:national")).content.decode()
    note = first_term(date.today())[2]
    assert note[1:].replace("'", "&#39;") in page


def test_the_backtest_page_says_its_scores_cover_only_the_terms_held(lano_client) -> None:
    page = lano_client.get(reverse("forecasting:backtest")).content.decode()
    assert "the scores below cover only the terms held" in page
