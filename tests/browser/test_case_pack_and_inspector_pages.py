"""Tracked cases' newer pages in a real browser, with no accessibility violations: the adjusted mix,
the pen portrait and chronology, the PDF pack, a case meeting in the timetable, withdrawing an audit
and the inspector's read-only list of packs."""

import datetime as dt
import io
import tempfile
from pathlib import Path

import pypdf
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import assert_accessible, click_to, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AS_OF = dt.date(2025, 3, 31)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def named(two_areas):
    """A live inspection of area A and six cases named for it, with a practitioner on the first."""
    from sendready.areas.constants import Role
    from sendready.areas.registry import active_inspection, find_snapshot
    from sendready.cases import actions, team_actions
    from sendready.domain.person_level.generator import generate, write_csv
    from sendready.inspections import actions as inspection_actions
    from sendready.pupildata import actions as pupil_actions

    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "area.csv"
        write_csv(generate(300, 5, as_of=AS_OF), path)
        pupil_actions.import_path(actor=lano, area=people.area, path=path, snapshot_date=AS_OF)
    snapshot = find_snapshot(people.area)
    today = timezone.localdate()
    inspection = inspection_actions.record_inspection(
        actor=lano,
        area=people.area,
        framework="2023-full",
        notified_on=today - dt.timedelta(days=today.weekday()),
    )
    ids = snapshot.read(["person_id"])["person_id"].to_list()
    selection = actions.record_named_cases(
        actor=lano,
        area=people.area,
        snapshot=snapshot,
        tracked_ids=ids[:6],
        substitute_ids=[],
        named_on=today,
        inspection=active_inspection(people.area),
    )
    case = selection.cases.order_by("position").first()
    team_actions.assign_member(
        actor=lano,
        case=case,
        user=people.by_role[Role.PRACTITIONER],
        role_title="EHC plan co-ordinator",
        agency="education",
        is_auditor=True,
    )
    return people, inspection, case


def test_a_lano_adjusts_a_mix_writes_the_pen_portrait_and_downloads_the_pdf_pack(
    page, live_server, named, console_errors
) -> None:
    from sendready.cases import workspace_actions

    people, inspection, case = named
    sign_in(page, live_server, "a_lano")
    page.goto(f"{live_server.url}/areas/E99000001/cases/practice/")
    page.get_by_label("Number of cases").fill("3")
    page.get_by_role("button", name="Choose the cases").click()
    expect(page.get_by_text("more than the 3 cases asked for").first).to_be_visible()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.goto(f"{live_server.url}/areas/E99000001/cases/{case.pk}/")
    click_to(
        page,
        page.get_by_role("link", name="Write the pen portrait and chronology"),
        "Pen portrait and chronology",
    )
    assert_accessible(page)
    page.get_by_label("Pen portrait").fill("Alex is 14 and loves buses.")
    page.get_by_role("button", name="Save the pen portrait").click()
    expect(page.get_by_text("Pen portrait saved.")).to_be_visible()
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2024")
    page.get_by_label("What happened").fill("EHC plan issued")
    page.get_by_role("button", name="Add the event").click()
    expect(page.get_by_role("cell", name="EHC plan issued")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/areas/E99000001/cases/{case.pk}/")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the case pack as one PDF", exact=False).click()
    reader = pypdf.PdfReader(io.BytesIO(info.value.path().read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Alex is 14 and loves buses." in text and "EHC plan issued" in text
    workspace_actions.schedule_meeting(
        actor=people.by_role["lano"],
        case=case,
        values={
            "meeting_on": inspection.milestones.get(key="onsite").date,
            "meeting_start": dt.time(14),
            "meeting_end": dt.time(15),
            "meeting_where": "Online",
        },
    )
    page.goto(f"{live_server.url}/areas/E99000001/inspections/{inspection.pk}/timetable/")
    expect(page.get_by_text(f"Team around case {case.person_id} meets inspectors")).to_be_visible()
    assert_accessible(page)
    assert not console_errors


def test_an_auditor_withdraws_an_audit_and_an_inspector_reads_the_packs(
    page, live_server, named, console_errors
) -> None:
    from sendready.areas.constants import Role
    from sendready.cases import audit_actions
    from sendready.domain.cases.audit_framework import load_audit_framework
    from sendready.inspection_requests import room_actions

    people, inspection, case = named
    practitioner = people.by_role[Role.PRACTITIONER]
    values = {s.key: {"grade": "good"} for s in load_audit_framework().active_sections}
    audit_actions.save_audit(actor=practitioner, case=case, values=values, submit=True)
    sign_in(page, live_server, "a_practitioner")
    page.goto(f"{live_server.url}/areas/E99000001/cases/{case.pk}/audit/")
    click_to(
        page,
        page.get_by_role("link", name="Withdraw your audit to change it"),
        "Withdraw your audit",
    )
    page.get_by_role("button", name="Withdraw the audit").click()
    expect(page.get_by_text("Enter why you are withdrawing your audit").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Why you are withdrawing your audit").fill("New health advice arrived")
    page.get_by_role("button", name="Withdraw the audit").click()
    expect(page.get_by_text("You withdrew this audit")).to_be_visible()
    assert_accessible(page)
    page.context.clear_cookies()
    from tests.inspection_requests.conftest import web_request

    access = room_actions.open_access(
        actor=people.by_role[Role.LANO],
        inspection=inspection,
        name="Jane Lead",
        username="jane",
        email="jane@inspectors.example.org",
        request=web_request(),
    )
    access.user.set_password("river-lantern-4417")  # as if chosen from the emailed link
    access.user.save()
    sign_in(page, live_server, "jane", "river-lantern-4417")
    page.goto(f"{live_server.url}/inspector/cases/")
    expect(page.get_by_role("heading", name="Tracked cases")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as info:
        page.get_by_role("link", name=f"Download the pack (PDF) for case {case.person_id}").click()
    assert info.value.path().read_bytes().startswith(b"%PDF")
    assert not console_errors
