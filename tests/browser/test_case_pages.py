"""Tracked cases in a real browser: from naming cases to the team around a case and the focused-sampling
lists, with no accessibility violations."""

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_accessible, click_to, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AS_OF = dt.date(2025, 3, 31)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def snapshot(two_areas):
    from sendready.areas.constants import Role
    from sendready.areas.registry import find_snapshot
    from sendready.domain.person_level.generator import generate, write_csv
    from sendready.pupildata import actions

    people, _ = two_areas
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "area.csv"
        write_csv(generate(300, 5, as_of=AS_OF), path)
        actions.import_path(
            actor=people.by_role[Role.LANO], area=people.area, path=path, snapshot_date=AS_OF
        )
    return find_snapshot(people.area)


def test_a_lano_names_cases_replaces_one_and_builds_its_team(
    page, live_server, two_areas, snapshot, console_errors
) -> None:
    ids = snapshot.read(["person_id"])["person_id"].to_list()
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/areas/E99000001/cases/")
    assert_accessible(page)
    click_to(
        page,
        page.get_by_role("button", name="Record the cases inspectors named"),
        "Record the cases inspectors named",
    )
    page.get_by_label("Person ids of the cases inspectors named").fill(
        "\n".join(ids[:5] + ["NOT-THERE"])
    )
    page.get_by_role("button", name="Record the cases").click()
    expect(
        page.get_by_text("Not in the snapshot of 31 March 2025: NOT-THERE.").first
    ).to_be_visible()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Person ids of the cases inspectors named").fill("\n".join(ids[:6]))
    page.get_by_label("Person ids of the substitutes (optional)").fill(", ".join(ids[6:8]))
    page.get_by_role("button", name="Record the cases").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cases named by inspectors")
    assert_accessible(page)
    click_to(page, page.get_by_role("link", name=ids[0]), f"Case {ids[0]}")
    assert_accessible(page)
    click_to(
        page,
        page.get_by_role("button", name="The family declined: track a substitute"),
        f"Replace case {ids[0]}",
    )
    page.get_by_role("button", name="Track the substitute instead").click()
    expect(page.get_by_text("Enter why the family declined").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Why the family declined or cannot take part").fill("Family moved away")
    page.get_by_label(ids[6], exact=False).first.check()
    page.get_by_role("button", name="Track the substitute instead").click()
    expect(page.get_by_role("heading", name=f"Case {ids[6]}", level=1)).to_be_visible()
    click_to(page, page.get_by_role("link", name="Change the team"), "Team around the case")
    page.get_by_label("Person", exact=True).select_option(label="a_health_lead")
    page.get_by_label("Role in this case").fill("Designated clinical officer")
    page.get_by_label("Agency").select_option("health")
    page.get_by_label("Audits this case file").check()
    page.get_by_role("button", name="Add to the team").click()
    expect(page.get_by_role("cell", name="Designated clinical officer")).to_be_visible()
    assert_accessible(page)
    assert not console_errors


def test_the_focused_sampling_lists_are_accessible(
    page, live_server, two_areas, snapshot, console_errors
) -> None:
    sign_in(page, live_server, "a_practitioner")
    page.goto(f"{live_server.url}/areas/E99000001/cases/focused-sampling/")
    assert_accessible(page)
    page.get_by_label("Primary need").select_option("ASD")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("(filtered)")).to_be_visible()
    click_to(
        page,
        page.get_by_role("link", name="EHC plans (for the plans named the day before)", exact=True),
        "EHC plans (for the plans named the day before)",
    )
    assert_accessible(page)
    assert not console_errors


def test_from_named_cases_to_an_agreed_audit_grade(
    page, live_server, two_areas, snapshot, console_errors
) -> None:
    from sendready.areas.constants import Role
    from sendready.cases.testing import sample_case

    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    case = sample_case(
        people.area, lano, [people.by_role[Role.PRACTITIONER], people.by_role[Role.HEALTH_LEAD]]
    )
    for username in ("a_practitioner", "a_health_lead"):
        page.context.clear_cookies()
        sign_in(page, live_server, username)
        page.goto(f"{live_server.url}/areas/E99000001/cases/{case.pk}/")
        assert_accessible(page)
        click_to(page, page.get_by_role("link", name="Audit this case file"), "Case file audit")
        page.get_by_role("button", name="Submit the audit").click()
        expect(page.get_by_text("Select a grade for voice of the child").first).to_be_visible()
        assert_accessible(page)
        grade = "Good" if username == "a_practitioner" else "Requires improvement"
        for group in page.locator(".govuk-radios").all():
            group.get_by_label(grade, exact=True).check()
        page.get_by_role("button", name="Submit the audit").click()
        expect(page.get_by_text("Audit submitted.")).to_be_visible()
    page.context.clear_cookies()
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/areas/E99000001/cases/{case.pk}/")
    click_to(
        page,
        page.get_by_role("link", name="Moderate: compare the auditors' grades and agree a grade"),
        "Moderate the case file audit",
    )
    assert_accessible(page)
    page.get_by_role("button", name="Record the agreed grades").click()
    expect(page.get_by_text("Agreed grade for case")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/areas/E99000001/cases/audit-agreement/")
    expect(
        page.get_by_role("heading", name="Case file audits: themes and agreement")
    ).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/areas/E99000001/cases/audit-framework/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/areas/E99000001/cases/{case.pk}/consent/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/areas/E99000001/cases/{case.pk}/meeting/")
    assert_accessible(page)
    page.goto(
        f"{live_server.url}/areas/E99000001/cases/{case.pk}/evidence/{case.evidence.first().pk}/"
    )
    assert_accessible(page)
    assert not console_errors
