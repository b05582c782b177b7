"""The demo area's live inspection has requests in every state and an inspector with the demo's
authenticator app; loading the demo again changes nothing."""

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendready import demo
from sendready.accounts.models import must_choose_password
from sendready.accounts.two_factor import needs_second_factor
from sendready.areas.models import Membership
from sendready.inspection_requests.models import InspectionRequest, InspectorAccess
from sendready.inspection_requests.windows import access_state


@pytest.fixture
def loaded(db, monkeypatch, settings, tmp_path):
    """The demo with only what the request board's demo needs (the full demo is tested elsewhere)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(
        demo, "DEMO_LOADERS", ["sendready.inspections.demo", "sendready.inspection_requests.demo"]
    )
    demo.load_demo()
    return demo.load_demo()


def test_the_demo_inspection_has_requests_in_every_state_once(loaded):
    states = sorted(
        InspectionRequest.objects.filter(area=loaded.area).values_list("state", flat=True)
    )
    assert states == [
        "in_progress",
        "ready_for_review",
        "released",
        "requested",
        "requested",
        "withdrawn",
    ]
    released = InspectionRequest.objects.get(state="released").versions.get()
    assert released.files.count() == 1 and released.release_note == "Checked: no personal data."
    assert released.released_by.username == "lano"
    data = InspectionRequest.objects.get(title="Person-level data (Annex A list)")
    overdue = InspectionRequest.objects.for_area(loaded.area).overdue(timezone.now())
    assert (data in overdue) == (data.due_at < timezone.now())  # due on the Tuesday at noon


def test_the_demo_inspector_signs_in_like_every_demo_person_and_sees_only_the_room(loaded):
    assert "inspector" in loaded.usernames
    access = InspectorAccess.objects.get()
    user = access.user
    assert user.username == "inspector" and access.area == loaded.area
    assert not Membership.objects.filter(user=user).exists()
    assert TOTPDevice.objects.get(user=user).key == demo.DEMO_TOTP_KEY
    assert needs_second_factor(user) and must_choose_password(user)
    assert user.check_password(demo.DEMO_PASSWORD)
    assert access_state(access) == "open"
    assert access.chosen_first_day is None and access.chosen_last_day is None
