"""Every look at children's values is audited, refusals too, and the trail can be neither edited nor orphaned."""

import pytest
from django.db.models import ProtectedError

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.pupildata import actions
from sendready.pupildata.models import ImportRun
from tests.pupildata.conftest import AS_OF, csv_bytes

pytestmark = pytest.mark.django_db


def _failed_run(people, lano, tmp_path) -> ImportRun:
    path = tmp_path / "dirty.csv"
    path.write_bytes(csv_bytes(100, dirty=True))
    run = actions.import_path(actor=lano, area=people.area, path=path, snapshot_date=AS_OF)
    assert run.status == "failed"
    return run


def test_the_progress_page_and_the_problems_download_are_audited(client, people, lano, tmp_path):
    run = _failed_run(people, lano, tmp_path)
    client.force_login(lano)
    base = f"/areas/{people.area.code}/data/import/{run.pk}/"
    client.get(base)
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEWED, object_type="pupil_import", object_id=str(run.pk), user=lano
    ).exists()
    client.get(base + "problems.csv")
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORTED, object_type="pupil_import", object_id=str(run.pk), user=lano
    ).exists()


def test_a_snapshot_replaced_by_a_new_import_of_the_same_date_is_audited(
    people, lano, snapshot, tmp_path
):
    path = tmp_path / "again.csv"
    path.write_bytes(csv_bytes(50))
    actions.import_path(actor=lano, area=people.area, path=path, snapshot_date=AS_OF)
    entry = AuditEvent.objects.get(
        action=AuditAction.DELETED, object_type="pupil_snapshot", object_id=str(snapshot.pk)
    )
    assert entry.area == people.area and entry.user == lano and "replaced" in entry.detail


def test_an_attempt_on_another_areas_data_is_recorded_against_that_area(
    client, two_areas, snapshot
):
    people, _ = two_areas
    client.force_login(people.outsider)
    response = client.get(f"/areas/{people.area.code}/data/snapshots/{snapshot.pk}/rows/total/")
    assert response.status_code == 404
    entry = AuditEvent.objects.get(action=AuditAction.DENIED)
    assert entry.area == people.area and entry.user == people.outsider and "rows" in entry.path
    client.force_login(people.by_role[Role.VIEWER])
    assert (
        client.get(
            f"/areas/{people.area.code}/data/snapshots/{snapshot.pk}/rows/total/"
        ).status_code
        == 403
    )
    assert AuditEvent.objects.filter(
        action=AuditAction.DENIED, user=people.by_role[Role.VIEWER]
    ).exists()


def test_the_audit_log_is_read_only_in_the_admin(client, django_user_model, people):
    admin = django_user_model.objects.create_superuser("site_admin", password="a-test-password-9")
    client.force_login(admin)
    entry = AuditEvent.objects.create(action=AuditAction.VIEWED, object_type="x", area=people.area)
    assert client.get("/admin/audit/auditevent/add/").status_code == 403
    assert (
        client.post(f"/admin/audit/auditevent/{entry.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert AuditEvent.objects.filter(pk=entry.pk).exists()


def test_an_area_with_an_audit_trail_cannot_be_deleted(people):
    AuditEvent.objects.create(action=AuditAction.VIEWED, object_type="x", area=people.area)
    with pytest.raises(ProtectedError):
        people.area.delete()


def test_pages_with_childrens_data_the_audit_log_and_people_are_never_cached(
    client, people, lano, snapshot, tmp_path
):
    run = _failed_run(people, lano, tmp_path)
    client.force_login(lano)
    area = f"/areas/{people.area.code}"
    for url in (
        f"{area}/data/",
        f"{area}/data/snapshots/{snapshot.pk}/rows/ehc_plans/",
        f"{area}/data/snapshots/{snapshot.pk}/export.xlsx",
        f"{area}/data/import/{run.pk}/",
        f"{area}/data/import/{run.pk}/problems.csv",
        f"{area}/audit/",
        f"{area}/people/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
