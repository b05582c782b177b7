"""Two-factor sign-in: required where children's rows can be seen, for staff, or for everyone by setting."""

import re
from base64 import b32decode
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendready.accounts import two_factor
from sendready.accounts.testing import current_code, give_second_factor
from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from tests.conftest import TEST_PASSWORD


@pytest.fixture
def browser_like():
    """A client that signs in through the form, as a person does (no shortcut past the code)."""
    return Client()


def _sign_in(client, username):
    return client.post("/sign-in/", {"username": username, "password": TEST_PASSWORD})


def test_roles_that_see_childrens_rows_and_site_administrators_need_a_second_factor(
    two_areas, settings
):
    people, _ = two_areas
    settings.TWO_FACTOR_FOR_EVERY_ROLE = False
    needs = {role for role, user in people.by_role.items() if two_factor.needs_second_factor(user)}
    assert needs == {
        Role.LANO,
        Role.SENIOR_LEADER,
        Role.SYSTEM_LEAD,
        Role.PRACTITIONER,
        Role.HEALTH_LEAD,
    }
    admin = get_user_model().objects.create_user("site_admin", is_staff=True)
    assert two_factor.needs_second_factor(admin)
    settings.TWO_FACTOR_FOR_EVERY_ROLE = True
    assert two_factor.needs_second_factor(people.by_role[Role.VIEWER])


def test_a_practitioner_without_a_second_factor_sets_one_up_after_the_password(
    browser_like, two_areas
):
    people, _ = two_areas
    area_page = f"/areas/{people.area.code}/"
    signed_in = browser_like.post(
        f"/sign-in/?next={area_page}",
        {"username": "a_practitioner", "password": TEST_PASSWORD, "next": area_page},
    )
    step = browser_like.get(signed_in.url)
    assert step.status_code == 302 and step.url.startswith("/account/two-factor/set-up/")
    page = browser_like.get(step.url).content.decode()
    assert 'src="data:image/svg+xml' in page
    key = re.search(r'id="setup-key">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    again = browser_like.get(step.url).content.decode()  # the same key until it is confirmed
    assert re.search(r'id="setup-key">([A-Z2-7 ]+)<', again).group(1).replace(" ", "") == key
    assert (
        AuditEvent.objects.filter(
            object_type="second_factor", detail="started setting up an authenticator app"
        ).count()
        == 1
    )
    wrong = browser_like.post(step.url, {"code": "000000"}).content.decode()
    assert "The code is not right" in wrong
    code = f"{totp(b32decode(key)):06d}"
    done = browser_like.post(step.url, {"code": code, "next": area_page}).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert f'href="{area_page}"' in done
    assert browser_like.get(area_page).status_code == 200
    assert AuditEvent.objects.filter(
        object_type="second_factor", area=people.area, detail="Set up two-factor sign-in."
    ).exists()


def test_a_viewer_signs_in_with_the_password_alone(browser_like, two_areas):
    people, _ = two_areas
    _sign_in(browser_like, "a_viewer")
    assert browser_like.get(f"/areas/{people.area.code}/").status_code == 200


def test_someone_with_a_second_factor_must_enter_a_code_which_works_once(browser_like, two_areas):
    people, _ = two_areas
    device = give_second_factor(people.by_role[Role.LANO])
    _sign_in(browser_like, "a_lano")
    blocked = browser_like.get(f"/areas/{people.area.code}/people/")
    assert blocked.status_code == 302 and blocked.url.startswith("/sign-in/code/")
    wrong = browser_like.post("/sign-in/code/", {"code": "000000"}).content.decode()
    assert "The code is not right" in wrong
    assert AuditEvent.objects.filter(
        action=AuditAction.SIGN_IN_REFUSED, detail__startswith="Wrong two-factor code"
    ).exists()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    code = current_code(device)
    ok = browser_like.post(f"/sign-in/code/?next=/areas/{people.area.code}/people/", {"code": code})
    assert ok.url == f"/areas/{people.area.code}/people/"
    assert browser_like.get(ok.url).status_code == 200
    other = Client()
    _sign_in(other, "a_lano")
    replay = other.post("/sign-in/code/", {"code": code}).content.decode()
    assert "The code is not right" in replay


def test_wrong_codes_are_slowed_down(browser_like, two_areas):
    people, _ = two_areas
    give_second_factor(people.by_role[Role.LANO])
    _sign_in(browser_like, "a_lano")
    browser_like.post("/sign-in/code/", {"code": "000000"})
    held = browser_like.post("/sign-in/code/", {"code": "000001"}).content.decode()
    assert "too many wrong codes. Wait 1 second" in held


def test_a_backup_code_works_once(browser_like, two_areas):
    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    give_second_factor(lano)
    backup = two_factor.make_backup_codes(lano)[0]
    _sign_in(browser_like, "a_lano")
    ok = browser_like.post("/sign-in/code/", {"code": backup.upper()[:4] + " " + backup[4:]})
    assert ok.status_code == 302
    assert not StaticToken.objects.filter(token=backup).exists()


def test_a_lano_resets_a_members_second_factor_who_then_sets_up_a_new_one(client, two_areas):
    people, _ = two_areas
    practitioner = people.by_role[Role.PRACTITIONER]
    member_client = Client()
    member_client.force_login(practitioner)
    from sendready.accounts.testing import verify_second_factor

    verify_second_factor(member_client, practitioner)
    two_factor.make_backup_codes(practitioner)
    assert member_client.get(f"/areas/{people.area.code}/").status_code == 200
    client.force_login(people.by_role[Role.LANO])
    from sendready.areas.models import Membership

    member = Membership.objects.get(user=practitioner, area=people.area)
    edit = client.get(f"/areas/{people.area.code}/people/{member.pk}/").content.decode()
    assert "Reset two-factor sign-in" in edit
    response = client.post(
        f"/areas/{people.area.code}/people/{member.pk}/reset-second-factor/", follow=True
    )
    assert "will set up two-factor sign-in again" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=practitioner).exists()
    assert not two_factor.has_second_factor(practitioner)
    assert AuditEvent.objects.filter(
        area=people.area, object_type="second_factor", detail__startswith="Reset a_practitioner"
    ).exists()
    step = member_client.get(f"/areas/{people.area.code}/")
    assert step.status_code == 302 and step.url.startswith("/account/two-factor/set-up/")


def test_a_lano_cannot_reset_a_site_administrators_second_factor(client, two_areas):
    people, _ = two_areas
    viewer = people.by_role[Role.VIEWER]
    viewer.is_staff = True
    viewer.save()
    give_second_factor(viewer)
    from sendready.areas.models import Membership

    member = Membership.objects.get(user=viewer, area=people.area)
    client.force_login(people.by_role[Role.LANO])
    response = client.post(
        f"/areas/{people.area.code}/people/{member.pk}/reset-second-factor/", follow=True
    )
    assert "only another site administrator" in response.content.decode()
    assert two_factor.has_second_factor(viewer)


def test_the_demo_people_sign_in_with_the_code_sendready_demo_code_prints(db):
    call_command("load_demo", stdout=StringIO())
    out = StringIO()
    call_command("demo_code", stdout=out, stderr=StringIO())
    code = out.getvalue().strip()
    assert re.fullmatch(r"\d{6}", code)
    for username in ("lano", "viewer"):
        device = two_factor.app_device(get_user_model().objects.get(username=username))
        assert device.verify_token(code)


def test_the_set_up_page_allows_its_qr_code_under_the_content_security_policy(
    browser_like, two_areas
):
    _sign_in(browser_like, "a_practitioner")
    response = browser_like.get("/account/two-factor/set-up/")
    policy = response.headers["Content-Security-Policy"]
    assert "img-src 'self' data:" in policy and "unsafe-inline" not in policy


def test_no_admin_page_shows_a_second_factors_secret():
    from django.contrib import admin
    from django_otp.plugins.otp_static.models import StaticDevice

    assert not admin.site.is_registered(TOTPDevice)
    assert not admin.site.is_registered(StaticDevice)


def test_a_demo_person_signs_in_with_the_demo_code_then_chooses_their_own_password(
    browser_like, db
):
    from sendready.demo import DEMO_PASSWORD

    call_command("load_demo", stdout=StringIO())
    signed_in = browser_like.post("/sign-in/", {"username": "lano", "password": DEMO_PASSWORD})
    first = browser_like.get(signed_in.url)
    assert first.url.startswith("/sign-in/code/")
    out = StringIO()
    call_command("demo_code", stdout=out, stderr=StringIO())
    after_code = browser_like.post(first.url, {"code": out.getvalue().strip()})
    second = browser_like.get(after_code.url)
    assert second.url.startswith("/account/password/")
    chosen = browser_like.post(
        second.url,
        {
            "old_password": DEMO_PASSWORD,
            "new_password1": "my-own-demo-pass-7",
            "new_password2": "my-own-demo-pass-7",
        },
    )
    assert browser_like.get(chosen.url, follow=True).status_code == 200
    area = browser_like.get("/areas/E99999901/")
    assert area.status_code == 200 and "Demoshire" in area.content.decode()
