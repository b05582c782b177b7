"""Passwords: chosen by their holder from an emailed link, changed on their own page, never shown."""

import importlib
import os
import re
import subprocess
import sys
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from sendready.accounts.models import AccountSecurity
from sendready.areas.constants import Role
from sendready.areas.models import Membership
from sendready.audit.models import AuditEvent
from tests.conftest import TEST_PASSWORD

NEW_PASSWORD = "river-lantern-4417"


def _add(client, area, **values):
    data = {"role": "viewer", "email": "someone@example.org", **values}
    return client.post(f"/areas/{area.code}/people/", data, follow=True)


def _link(mail) -> str:
    return re.search(r"http://testserver(/account/set-password/\S+)", mail.body).group(1)


def _choose(client, link, password=NEW_PASSWORD):
    form_page = client.get(link, follow=True)
    return client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": password, "new_password2": password},
        follow=True,
    )


def test_adding_an_existing_username_from_another_area_says_the_same_as_adding_a_new_one(
    client, two_areas, mailoutbox
):
    people, _ = two_areas
    people.outsider.email = "b.lano@brookford.example"
    people.outsider.save()
    client.force_login(people.by_role[Role.LANO])
    new = _add(client, people.area, username="fresh.name", first_name="Ann", last_name="Other")
    existing = _add(client, people.area, username="B_LANO", first_name="Ann", last_name="Other")
    said = "Ann Other added as Viewer. We have emailed them how to sign in."
    assert said in new.content.decode() and said in existing.content.decode()
    # The existing account is untouched; its holder (not the address typed) is told.
    outsider = get_user_model().objects.get(username="b_lano")
    assert outsider.check_password(TEST_PASSWORD) and outsider.first_name == ""
    assert Membership.objects.filter(user=outsider, area=people.area, role="viewer").exists()
    assert len(mailoutbox) == 2
    assert "/account/set-password/" in mailoutbox[0].body
    assert "/account/set-password/" not in mailoutbox[1].body
    assert "Ashvale (test)" in mailoutbox[1].subject
    assert mailoutbox[1].to == ["b.lano@brookford.example"]
    details = list(
        AuditEvent.objects.filter(object_type="membership").values_list("detail", flat=True)
    )
    assert sorted(details) == ["B_LANO as Viewer", "fresh.name as Viewer"]


def test_an_existing_account_with_no_email_address_still_gets_the_same_message(
    client, two_areas, mailoutbox
):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    page = _add(client, people.area, username="b_lano").content.decode()
    assert "b_lano added as Viewer. We have emailed them how to sign in." in page
    assert mailoutbox == []


def test_a_new_person_chooses_a_password_from_the_link_which_then_stops_working(
    client, two_areas, mailoutbox
):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    _add(client, people.area, username="new.person")
    client.logout()
    link = _link(mailoutbox[0])
    done = _choose(client, link)
    assert "Your password is set" in done.content.decode()
    assert client.login(username="new.person", password=NEW_PASSWORD)
    client.logout()
    again = client.get(link, follow=True).content.decode()
    assert "This link has stopped working" in again


def test_the_link_page_refuses_a_mismatched_or_weak_password(client, two_areas, mailoutbox):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    _add(client, people.area, username="new.person")
    client.logout()
    page = client.get(_link(mailoutbox[0]), follow=True)
    url = page.redirect_chain[-1][0]
    mismatch = client.post(url, {"new_password1": NEW_PASSWORD, "new_password2": "other-9x"})
    assert "The two passwords are not the same" in mismatch.content.decode()
    weak = client.post(url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert "Error: " in weak.content.decode()


def test_the_forgotten_password_page_never_says_whether_an_account_exists(
    client, two_areas, mailoutbox
):
    people, _ = two_areas
    people.by_role[Role.VIEWER].email = "viewer@example.org"
    people.by_role[Role.VIEWER].save()
    unknown = client.post(
        "/account/forgotten-password/", {"email": "nobody@example.org"}, follow=True
    )
    known = client.post(
        "/account/forgotten-password/", {"email": "VIEWER@example.org"}, follow=True
    )
    assert unknown.status_code == known.status_code == 200

    def without_address(response) -> str:
        text = re.sub(r'nonce="[^"]+"', "", response.content.decode())
        return text.replace("nobody@example.org", "X").replace("VIEWER@example.org", "X")

    assert without_address(unknown) == without_address(known)
    assert "Check your email" in known.content.decode()
    assert [m.to for m in mailoutbox] == [["viewer@example.org"]]
    _choose(client, _link(mailoutbox[0]))
    assert client.login(username="a_viewer", password=NEW_PASSWORD)


def test_someone_invited_who_lost_the_email_can_ask_for_another_link(client, two_areas, mailoutbox):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    _add(client, people.area, username="new.person", email="new@example.org")
    client.logout()
    client.post("/account/forgotten-password/", {"email": "new@example.org"})
    assert len(mailoutbox) == 2 and "/account/set-password/" in mailoutbox[1].body


def test_the_sign_in_page_links_to_the_forgotten_password_page(client, db):
    assert "/account/forgotten-password/" in client.get("/sign-in/").content.decode()


def test_a_person_changes_their_own_password_and_stays_signed_in(client, two_areas):
    people, _ = two_areas
    viewer = people.by_role[Role.VIEWER]
    client.force_login(viewer)
    home = client.get(f"/areas/{people.area.code}/").content.decode()
    assert 'href="/account/password/"' in home
    wrong = client.post(
        "/account/password/",
        {"old_password": "nope", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert "Your current password is not right" in wrong.content.decode()
    same = client.post(
        "/account/password/",
        {
            "old_password": TEST_PASSWORD,
            "new_password1": TEST_PASSWORD,
            "new_password2": TEST_PASSWORD,
        },
    )
    assert "different from your current one" in same.content.decode()
    done = client.post(
        "/account/password/",
        {
            "old_password": TEST_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        follow=True,
    )
    assert "Your password has been changed" in done.content.decode()
    assert client.get(f"/areas/{people.area.code}/").status_code == 200
    viewer.refresh_from_db()
    assert viewer.check_password(NEW_PASSWORD)
    assert AuditEvent.objects.filter(object_type="password", area=people.area).exists()


def test_someone_whose_password_was_set_for_them_must_choose_their_own_first(client, two_areas):
    people, _ = two_areas
    viewer = people.by_role[Role.VIEWER]
    AccountSecurity.objects.create(user=viewer, must_choose_password=True)
    client.force_login(viewer)
    area_page = f"/areas/{people.area.code}/"
    response = client.get(area_page)
    assert response.status_code == 302
    assert response.url == f"/account/password/?next={area_page.replace('/', '%2F')}"
    page = client.get(response.url).content.decode()
    assert "Choose your own password" in page
    assert client.get("/areas/switch/").status_code == 302
    done = client.post(
        response.url,
        {
            "old_password": TEST_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
            "next": area_page,
        },
    )
    assert done.url == area_page
    assert client.get(area_page).status_code == 200
    assert not AccountSecurity.objects.get(user=viewer).must_choose_password


def test_accounts_from_before_must_choose_their_own_password(db):
    user_model = get_user_model()
    old = user_model.objects.create_user("old.account", password="given-by-a-lano-1")
    invited = user_model.objects.create_user("invited")
    migration = importlib.import_module(
        "sendready.accounts.migrations.0005_existing_passwords_were_set_by_others"
    )
    migration.flag_existing_accounts(apps, None)
    flagged = set(
        AccountSecurity.objects.filter(must_choose_password=True).values_list("user", flat=True)
    )
    assert old.pk in flagged and invited.pk not in flagged


def test_demo_people_must_choose_their_own_password(db):
    call_command("load_demo", stdout=StringIO())
    lano = get_user_model().objects.get(username="lano")
    assert AccountSecurity.objects.get(user=lano).must_choose_password


def test_no_message_ever_travels_in_a_cookie(client, two_areas):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = _add(client, people.area, username="new.person")
    assert "messages" not in response.cookies and "messages" not in client.cookies


@pytest.mark.parametrize(
    "env,backend",
    [
        ({"DEBUG": "true"}, "console"),
        ({"DEBUG": "true", "EMAIL_HOST": "smtp.example.org"}, "smtp"),
        ({"DEBUG": "false"}, "smtp"),
    ],
)
def test_emails_are_printed_when_developing_and_sent_by_smtp_otherwise(env, backend, tmp_path):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "DEBUG"))}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            'import sendready.settings as s; print(s.MAILERS["default"]["BACKEND"])',
        ],
        env={**clean, **env, "SENDREADY_VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert f".{backend}." in result.stdout


def test_a_password_an_administrator_sets_must_be_replaced_by_its_holder(admin_client, two_areas):
    people, _ = two_areas
    added = admin_client.post(
        "/admin/auth/user/add/",
        {
            "username": "made.by.admin",
            "usable_password": "true",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert added.status_code == 302
    made = get_user_model().objects.get(username="made.by.admin")
    assert AccountSecurity.objects.get(user=made).must_choose_password
    viewer = people.by_role[Role.VIEWER]
    changed = admin_client.post(
        f"/admin/auth/user/{viewer.pk}/password/",
        {"usable_password": "true", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert changed.status_code == 302
    assert AccountSecurity.objects.get(user=viewer).must_choose_password
    assert AuditEvent.objects.filter(object_type="password", object_id=str(viewer.pk)).exists()
