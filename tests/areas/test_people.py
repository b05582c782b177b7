"""A LANO manages who belongs to the area; every change is audited."""

import pytest
from django.core.exceptions import ValidationError

from sendready.areas import actions
from sendready.areas.constants import Role
from sendready.areas.models import Membership
from sendready.audit.models import AuditEvent


def test_a_lano_adds_a_new_person_who_is_emailed_a_link_and_no_password(
    client, two_areas, mailoutbox
):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = client.post(
        f"/areas/{people.area.code}/people/",
        {
            "username": "new.officer",
            "first_name": "New",
            "last_name": "Officer",
            "email": "new.officer@example.org",
            "role": "practitioner",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "New Officer added as Practitioner. We have emailed them how to sign in." in page
    assert "one-time password" not in page.lower()
    membership = Membership.objects.get(user__username="new.officer")
    assert membership.role == "practitioner"
    assert not membership.user.has_usable_password()
    assert AuditEvent.objects.filter(object_type="membership", action="created").exists()
    assert [m.to for m in mailoutbox] == [["new.officer@example.org"]]
    assert "/account/set-password/" in mailoutbox[0].body


def test_an_email_address_is_needed_to_add_a_person(client, two_areas):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = client.post(
        f"/areas/{people.area.code}/people/", {"username": "no.email", "role": "viewer"}
    )
    assert "Enter their email address" in response.content.decode()
    assert not Membership.objects.filter(user__username="no.email").exists()


def test_adding_someone_already_in_the_area_is_explained(client, two_areas):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = client.post(
        f"/areas/{people.area.code}/people/", {"username": "a_viewer", "role": "viewer"}
    )
    assert "already a member" in response.content.decode()


def test_an_area_always_keeps_a_lano(two_areas):
    people, _ = two_areas
    lano = Membership.objects.get(area=people.area, role=Role.LANO)
    with pytest.raises(ValidationError, match="at least one local area nominated officer"):
        actions.change_role(actor=lano.user, membership=lano, role=Role.VIEWER)
    with pytest.raises(ValidationError):
        actions.remove_member(actor=lano.user, membership=lano)


def test_the_audit_log_lists_exports_for_the_areas_leaders(client, two_areas):
    people, _ = two_areas
    from sendready.audit.constants import AuditAction
    from sendready.audit.log import record

    record(
        None,
        AuditAction.EXPORTED,
        "pupil_snapshot",
        7,
        area=people.area,
        user=people.by_role[Role.SYSTEM_LEAD],
        detail="inspectors' export",
    )
    client.force_login(people.by_role[Role.SENIOR_LEADER])
    page = client.get(f"/areas/{people.area.code}/audit/").content.decode()
    assert "a_system_lead" in page and "inspectors&#39; export" in page


@pytest.mark.django_db(transaction=True)
def test_two_demotions_at_once_leave_the_area_with_a_lano(two_areas, monkeypatch):
    """Both requests pass the check before either saves unless the check locks what it reads."""
    import contextlib
    import threading

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writing transaction at a time; the race needs PostgreSQL")
    people, _ = two_areas
    second = Membership.objects.create(user=people.outsider, area=people.area, role=Role.LANO)
    first = Membership.objects.get(user=people.by_role[Role.LANO], area=people.area)
    barrier = threading.Barrier(2)
    check = actions._keep_a_lano

    def check_then_wait(membership):
        check(membership)
        # Let the other request check too (it cannot while the first holds the lock).
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=2)

    monkeypatch.setattr(actions, "_keep_a_lano", check_then_wait)
    refused = []

    def demote(pk):
        from django.db import connection as thread_connection

        try:
            membership = Membership.objects.select_related("user", "area").get(pk=pk)
            actions.change_role(actor=None, membership=membership, role=Role.VIEWER)
        except ValidationError:
            refused.append(pk)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=demote, args=(m.pk,)) for m in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Membership.objects.filter(area=people.area, role=Role.LANO).count() == 1
    assert len(refused) == 1
