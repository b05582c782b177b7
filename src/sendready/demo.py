"""The fictional demo local area and its people, for trying sendready out. Nothing here is real."""

import importlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendready.accounts.models import AccountSecurity
from sendready.areas.constants import Role
from sendready.areas.models import LocalArea, Membership

DEMO_PASSWORD = "demo-sendready-2026"
# Every demo person's authenticator app has this public key: `sendready demo-code` shows the current code.
DEMO_TOTP_KEY = "64656d6f2d73656e6472656164792d746f747021"
DEMO_AREA = {"code": "E99999901", "name": "Demoshire (fictional)", "region": "West Midlands"}
SECOND_DEMO_AREA = {"code": "E99999902", "name": "Northbridge (fictional)", "region": "North West"}

DEMO_PEOPLE = [
    ("lano", "Sam", "Okafor", Role.LANO, "Head of SEND and local area nominated officer"),
    ("leader", "Priya", "Shah", Role.SENIOR_LEADER, "Director of Children's Services"),
    ("systemlead", "Tom", "Reilly", Role.SYSTEM_LEAD, "SEND service manager"),
    ("practitioner", "Aisha", "Begum", Role.PRACTITIONER, "EHC plan co-ordinator"),
    ("health", "Dr Helen", "Moss", Role.HEALTH_LEAD, "Designated clinical officer, ICB"),
    ("pcf", "Gary", "Wilde", Role.PCF_REP, "Parent carer forum chair"),
    ("viewer", "Jo", "Lee", Role.VIEWER, "Elected member (lead member for children)"),
]
# An inspector: no role in any area; the request board's demo opens the evidence room to them.
DEMO_INSPECTOR = ("inspector", "Alex", "Example")

# Each capability adds demo content of its own: a module with load(area, people).
# (The national inspection history needs none: migrations ship it.)
DEMO_LOADERS = [
    "sendready.inspections.demo",
    "sendready.pupildata.demo",
    "sendready.cases.demo",  # after person-level data: it samples the demo snapshot
    "sendready.selfevaluation.demo",  # after person-level data, so it can pin an indicator
    "sendready.surveys.demo",
    "sendready.inspection_requests.demo",  # after cases: a request names a tracked case
    "sendready.plans.demo",  # after person-level data: a measure follows an indicator
]


@dataclass
class DemoResult:
    area: LocalArea
    usernames: list[str]


def load_demo() -> DemoResult:
    """Create (or refresh) the demo areas, people and each capability's demo content."""
    with transaction.atomic():
        area, _ = LocalArea.objects.update_or_create(
            code=DEMO_AREA["code"], defaults={**DEMO_AREA, "is_fictional": True}
        )
        second, _ = LocalArea.objects.update_or_create(
            code=SECOND_DEMO_AREA["code"], defaults={**SECOND_DEMO_AREA, "is_fictional": True}
        )
        people = {}
        for username, first, last, role, job in DEMO_PEOPLE:
            people[username] = _person(username, first, last)
            Membership.objects.update_or_create(
                user=people[username],
                area=area,
                defaults={"role": role, "job_title": job, "organisation": area.name},
            )
        people[DEMO_INSPECTOR[0]] = _person(*DEMO_INSPECTOR)
        Membership.objects.update_or_create(
            user=people["lano"],
            area=second,
            defaults={
                "role": Role.VIEWER,
                "job_title": "Peer reviewer",
                "organisation": second.name,
            },
        )
    for module_name in DEMO_LOADERS:
        importlib.import_module(module_name).load(area, people)
    return DemoResult(area=area, usernames=[p[0] for p in DEMO_PEOPLE] + [DEMO_INSPECTOR[0]])


def _person(username: str, first: str, last: str):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@demoshire.example"},
    )
    if created or not user.has_usable_password():
        user.set_password(DEMO_PASSWORD)
        user.save()
        # Everyone knows the demo password: whoever signs in with it first chooses their own.
        AccountSecurity.objects.update_or_create(user=user, defaults={"must_choose_password": True})
    TOTPDevice.objects.update_or_create(
        user=user,
        name="Demo authenticator app",
        defaults={"key": DEMO_TOTP_KEY, "confirmed": True},
    )
    return user
