"""The Annex A checklist belongs to an inspection: started by a POST, adapted, dated from the
timeline, updated by each item's owner, who owes what, the zip and the inspection's page."""

import csv
import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sendready.areas.constants import Role
from sendready.areas.registry import active_inspection
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.inspections import actions as inspection_actions
from sendready.selfevaluation import annex_actions
from sendready.selfevaluation.models import AnnexItem
from sendready.selfevaluation.testing import sample_pdf, sample_self_evaluation
from tests.selfevaluation.conftest import url


@pytest.fixture
def inspection(people):
    return inspection_actions.record_inspection(
        actor=people.by_role[Role.LANO],
        area=people.area,
        framework="2023-full",
        notified_on=dt.date(2025, 9, 8),
    )


@pytest.fixture
def started(people, inspection):
    lano = people.by_role[Role.LANO]
    return annex_actions.start_checklist(
        actor=lano, area=people.area, inspection=active_inspection(people.area)
    )


def test_without_an_inspection_the_page_says_to_record_one_and_writes_nothing(client, people):
    client.force_login(people.by_role[Role.LANO])
    page = client.get(url("annex_a", people.area)).content.decode()
    assert "There is no active inspection" in page and "practice inspection" in page
    assert not AnnexItem.objects.exists()
    assert not AuditEvent.objects.filter(object_type__startswith="annex").exists()
    assert client.post(url("annex_start", people.area)).status_code == 404


def test_a_get_never_starts_the_checklist_and_the_start_button_does(client, people, inspection):
    client.force_login(people.by_role[Role.LANO])
    page = client.get(url("annex_a", people.area)).content.decode()
    assert "Start the Annex A checklist" in page and not AnnexItem.objects.exists()
    assert client.post(url("annex_start", people.area)).status_code == 302
    assert AnnexItem.objects.filter(inspection=inspection).count() == 10
    assert AuditEvent.objects.filter(object_type="annex_a_checklist").count() == 1
    client.post(url("annex_start", people.area))  # a second start changes nothing
    assert AnnexItem.objects.count() == 10


def test_only_leaders_start_the_checklist(client, people, inspection):
    client.force_login(people.by_role[Role.SYSTEM_LEAD])
    assert client.post(url("annex_start", people.area)).status_code == 403
    assert (
        "A LANO or a senior leader can start it"
        in client.get(url("annex_a", people.area)).content.decode()
    )


def test_the_checklist_starts_from_the_framework_list_and_can_be_adapted(client, people, started):
    client.force_login(people.by_role[Role.LANO])
    page = client.get(url("annex_a", people.area)).content.decode()
    assert "Health commissioning template" in page and "The area's own item" in page
    item = AnnexItem.objects.get(key="health_commissioning")
    client.post(
        url("annex_edit", people.area, item.pk),
        {
            "title": "Health commissioning template (ICB)",
            "owner": "",
            "due_step": "annex_a",
            "status": "in_progress",
        },
    )
    client.post(
        url("annex_new", people.area),
        {
            "title": "Dynamic support register summary",
            "owner": "",
            "due_step": "annex_a",
            "status": "to_do",
        },
    )
    client.post(url("annex_remove", people.area, AnnexItem.objects.get(key="jsna").pk))
    page = client.get(url("annex_a", people.area)).content.decode()
    assert "renamed from “Health commissioning template”" in page
    assert AnnexItem.objects.get(title="Dynamic support register summary").inspection_id
    assert not AnnexItem.objects.filter(key="jsna").exists()
    assert AuditEvent.objects.filter(
        object_type="annex_a_item", action=AuditAction.DELETED
    ).exists()


def test_items_are_due_from_the_timeline_and_overdue_ones_show_on_the_inspection(
    client, people, inspection, started
):
    client.force_login(people.by_role[Role.LANO])
    page = client.get(url("annex_a", people.area)).content.decode()
    assert "Friday 12 September 2025" in page  # Annex A due on Friday of week one
    assert "10 overdue" in page  # 2025 is past, and nothing is ready
    base = f"/areas/{people.area.code}/inspections/{inspection.pk}/"
    assert "0 of 10 items ready or not needed (0%); 10 overdue" in client.get(base).content.decode()
    tasks = client.get(base + "tasks/").content.decode()
    assert "Annex A: Health commissioning template" in tasks and "Overdue: To do" in tasks


def test_dates_follow_today_for_an_inspection_notified_this_week(client, people):
    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    inspection_actions.record_inspection(
        actor=people.by_role[Role.LANO], area=people.area, framework="2023-full", notified_on=monday
    )
    client.force_login(people.by_role[Role.LANO])
    client.post(url("annex_start", people.area))
    page = client.get(url("annex_a", people.area)).content.decode()
    friday = monday + dt.timedelta(days=4)
    assert f"{friday.day} {friday:%B %Y}" in page


def test_each_inspection_has_its_own_checklist(client, people, inspection, started):
    lano = people.by_role[Role.LANO]
    annex_actions.update_progress(
        actor=lano, item=started[0], values={"status": "ready", "link": "https://example.org/s"}
    )
    inspection_actions.conclude_inspection(actor=lano, inspection=inspection)
    second = inspection_actions.record_inspection(
        actor=lano, area=people.area, framework="2023-full", notified_on=dt.date(2026, 3, 2)
    )
    client.force_login(lano)
    assert "Start the Annex A checklist" in client.get(url("annex_a", people.area)).content.decode()
    client.post(url("annex_start", people.area))
    assert AnnexItem.objects.filter(inspection=second, status="ready").count() == 0
    assert AnnexItem.objects.filter(inspection=inspection, status="ready").count() == 1
    first_page = client.get(f"/areas/{people.area.code}/inspections/{inspection.pk}/")
    assert "1 of 10 items ready" in first_page.content.decode()


def test_items_kept_from_before_checklists_had_an_inspection_are_taken_over(people, inspection):
    lano = people.by_role[Role.LANO]
    AnnexItem.objects.create(
        area=people.area, framework="2023-full", key="own-1", title="Old item", due_step="annex_a"
    )
    items = annex_actions.start_checklist(
        actor=lano, area=people.area, inspection=active_inspection(people.area)
    )
    assert [i.title for i in items] == ["Old item"] and items[0].inspection_id == inspection.pk


def test_an_items_owner_updates_its_status_and_document_and_nobody_else_can(
    client, people, started
):
    owner, other = people.by_role[Role.HEALTH_LEAD], people.by_role[Role.PRACTITIONER]
    item = AnnexItem.objects.get(key="health_commissioning")
    annex_actions.save_item(
        actor=people.by_role[Role.LANO], area=people.area, item=item, values={"owner": owner}
    )
    client.force_login(other)
    page = client.get(url("annex_update", people.area, item.pk)).content.decode()
    assert "Save update" not in page and "The item's owner, a LANO" in page
    assert (
        client.post(url("annex_update", people.area, item.pk), {"status": "ready"}).status_code
        == 403
    )
    client.force_login(owner)
    assert "Yours" in client.get(url("annex_a", people.area)).content.decode()
    response = client.post(
        url("annex_update", people.area, item.pk),
        {
            "status": "ready",
            "title": "Renamed by the owner",
            "link": "",
            "notes": "Signed off",
            "file": sample_pdf("health.pdf"),
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "ready" and item.file_name == "health.pdf" and item.notes == "Signed off"
    assert item.title == "Health commissioning template"  # an owner updates progress, not the name
    assert AuditEvent.objects.filter(
        object_type="annex_a_item", object_id=str(item.pk), user=owner, action=AuditAction.CHANGED
    ).exists()


def test_the_lano_sees_who_owes_what(client, people, started):
    lano, lead = people.by_role[Role.LANO], people.by_role[Role.SYSTEM_LEAD]
    for key in ("send_strategy", "action_plans"):
        item = AnnexItem.objects.get(key=key)
        annex_actions.save_item(actor=lano, area=people.area, item=item, values={"owner": lead})
    client.force_login(lano)
    page = client.get(url("annex_a", people.area)).content.decode()
    table = page[page.index('id="who-owes-what"') :]
    table = table[: table.index("</table>")]
    assert "a_system_lead" in table and "SEND strategy; SEND action plans" in table
    assert "Nobody yet" in table


def test_the_zip_holds_every_ready_document_with_an_index_and_is_audited(
    client, people, inspection
):
    lano = people.by_role[Role.LANO]
    sample_self_evaluation(people.area, lano, people.by_role[Role.SYSTEM_LEAD])
    client.force_login(lano)
    item = AnnexItem.objects.get(key="send_strategy")
    client.post(
        url("annex_edit", people.area, item.pk),
        {
            "title": item.title,
            "owner": str(lano.pk),
            "due_step": "annex_a",
            "status": "ready",
            "link": "https://example.org/strategy",
            "file": sample_pdf("strategy.pdf"),
        },
    )
    response = client.get(url("annex_zip", people.area))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert "00 index.csv" in names and any(n.endswith("strategy.pdf") for n in names)
    rows = list(csv.reader(io.StringIO(archive.read("00 index.csv").decode("utf-8-sig"))))
    assert rows[0][:2] == ["Number", "Item"]
    assert {r[1] for r in rows[1:]} == {
        "Self-evaluation and its executive summary",
        "SEND strategy",
    }
    assert AuditEvent.objects.filter(object_type="annex_a_zip", detail="2 ready items").exists()


def test_a_document_of_the_wrong_type_is_refused(client, people, started):
    client.force_login(people.by_role[Role.LANO])
    item = AnnexItem.objects.get(key="send_strategy")
    bad = SimpleUploadedFile("strategy.zip", b"PK\x03\x04", content_type="application/zip")
    response = client.post(
        url("annex_update", people.area, item.pk), {"status": "ready", "file": bad}
    )
    assert (
        "strategy.zip is not a kind of file that can be kept as evidence"
        in response.content.decode()
    )
    item.refresh_from_db()
    assert item.status == "to_do" and not item.file_path


def test_a_viewer_cannot_download_the_zip_or_change_items(client, people, started):
    client.force_login(people.by_role[Role.VIEWER])
    assert client.get(url("annex_zip", people.area)).status_code == 403
    assert client.get(url("annex_new", people.area)).status_code == 403
