"""Access by area and role, checked for every URL pattern."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from sendready.areas.constants import Role
from sendready.areas.registry import PERMISSION_ROLES
from sendready.inspections import timetable_actions

# Sample values for URL parameters other than area_code; views look them up inside the area.
SAMPLE_KWARGS = {
    "member_id": 1,
    "pk": 1,
    "snapshot_id": 1,
    "milestone_id": 1,
    "session_id": 1,
    "task_id": 1,
    "indicator": "ehc_plans",
    "region": "west-midlands",
    "run_id": 1,
    "step_key": "annex_a",
    "criterion_key": "identified",
    "cohort_key": "ehc_plans",
    "key": "listened_to",
}


@pytest.fixture
def sample_kwargs(two_areas, settings, tmp_path):
    """Real objects in area A, so allowed roles reach the page itself, not a 404."""
    import datetime as dt

    settings.MEDIA_ROOT = tmp_path / "media"

    from sendready.inspections import actions

    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    inspection = actions.record_inspection(
        actor=lano, area=people.area, framework="2023-full", notified_on=dt.date(2025, 9, 8)
    )
    session = timetable_actions.save_session(
        actor=lano,
        inspection=inspection,
        values=timetable_actions.SessionValues(
            date=dt.date(2025, 9, 22),
            part_of_day="am",
            start_time=dt.time(9),
            end_time=dt.time(10),
            title="Leaders",
            attendee_groups=["leaders"],
        ),
    )
    from sendready.areas.models import Membership

    member = Membership.objects.get(area=people.area, role=Role.VIEWER)
    from sendready.pupildata.testing import sample_export, sample_snapshot_and_run

    snapshot, run = sample_snapshot_and_run(people.area, lano)
    job = sample_export(snapshot, lano)
    from sendready.selfevaluation.testing import sample_self_evaluation
    from tests.inspection_requests.conftest import sample_request_kwargs

    evidence, annex_item = sample_self_evaluation(
        people.area, lano, people.by_role[Role.SYSTEM_LEAD]
    )
    from sendready.cases.testing import case_kwargs, sample_case

    # Everyone in the area is on this case's team, so the walk reaches the pages a role allows.
    case = sample_case(people.area, lano, people.by_role.values())
    from sendready.surveys.testing import open_survey

    survey = open_survey(people.area, lano, people.by_role[Role.PCF_REP])
    case_params = case_kwargs(case, lano)
    from sendready.plans.testing import sample_plan_kwargs

    plan_params = sample_plan_kwargs(people.area, lano)
    return {
        **case_params,
        # Capabilities that use the same parameter name get their own value by URL namespace.
        "by_namespace": {
            "cases": {"evidence_id": case_params["evidence_id"]},
            "plans": plan_params,
        },
        **SAMPLE_KWARGS,
        **sample_request_kwargs(inspection, lano, people.by_role[Role.PRACTITIONER]),
        "evidence_id": evidence.pk,
        "item_id": annex_item.pk,
        "pk": inspection.pk,
        "task_id": inspection.tasks.first().pk,
        "session_id": session.pk,
        "member_id": member.pk,
        "snapshot_id": snapshot.pk,
        "run_id": run.pk,
        "job_id": job.pk,
        "survey_id": survey.pk,
    }


def _area_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{entry.namespace}:" if entry.namespace else ""
            yield from _area_patterns(entry, prefix + ns)
        elif isinstance(entry, URLPattern) and "area_code" in entry.pattern.regex.groupindex:
            yield prefix + entry.name, entry


AREA_PATTERNS = sorted(_area_patterns(), key=lambda item: item[0])


def test_every_area_view_declares_its_permission():
    for name, pattern in AREA_PATTERNS:
        permission = getattr(pattern.callback, "permission", None)
        assert permission in PERMISSION_ROLES, f"{name} is not guarded by area_view"


@pytest.mark.parametrize("name,pattern", AREA_PATTERNS, ids=[n for n, _ in AREA_PATTERNS])
def test_each_role_is_allowed_or_denied_as_the_permission_table_says(
    client, two_areas, sample_kwargs, name, pattern
):
    people, area_b = two_areas
    permission = pattern.callback.permission
    own = {**sample_kwargs, **sample_kwargs["by_namespace"].get(name.split(":")[0], {})}
    kwargs = {k: own[k] for k in pattern.pattern.regex.groupindex if k != "area_code"}
    from django.urls import reverse

    url = reverse(name, kwargs={"area_code": people.area.code, **kwargs})
    for role, user in people.by_role.items():
        client.force_login(user)
        status = client.get(url).status_code
        if role in PERMISSION_ROLES[permission]:
            assert status in (200, 302, 405), f"{role} should reach {name}, got {status}"
        else:
            assert status == 403, f"{role} should be refused {name}, got {status}"
    client.force_login(people.outsider)
    assert client.get(url).status_code == 404, f"a member of another area reached {name}"
    client.logout()
    assert client.get(url).status_code == 302, f"{name} must ask an anonymous visitor to sign in"


def test_a_lano_of_another_area_cannot_switch_into_this_area(client, two_areas):
    people, _ = two_areas
    client.force_login(people.outsider)
    client.post("/areas/switch/", {"area_code": people.area.code})
    response = client.get("/", follow=True)
    assert people.area.name not in response.content.decode()


def test_the_permission_table_names_only_real_roles():
    for roles in PERMISSION_ROLES.values():
        assert roles <= set(Role)


def _site_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            ns = f"{entry.namespace}:" if entry.namespace else ""
            yield from _site_patterns(entry, prefix + ns)
        elif isinstance(entry, URLPattern) and "area_code" not in entry.pattern.regex.groupindex:
            yield prefix + entry.name, entry


# Pages for people who cannot sign in yet (tested in test_passwords.py and test_throttle.py).
PUBLIC_PAGES = {
    "login",
    "logout",
    "admin_sign_in",
    "accounts:password_forgotten",
    "accounts:password_reset_sent",
    "accounts:password_set",
    "accounts:password_set_done",
    # Families answer surveys without an account (tested in tests/surveys/test_answering.py).
    "surveys:answer",
    "surveys:thanks",
}
SITE_PATTERNS = sorted(
    (item for item in _site_patterns() if item[0] not in PUBLIC_PAGES),
    key=lambda item: item[0],
)
SITE_KWARGS = {
    "region": "west-midlands",
    "ons_code": "E08000028",
    "access_id": 1,
    "request_id": 1,
    "file_id": 1,
    "case_id": 1,
}


@pytest.mark.django_db
@pytest.mark.parametrize("name,pattern", SITE_PATTERNS, ids=[n for n, _ in SITE_PATTERNS])
def test_every_other_page_asks_an_anonymous_visitor_to_sign_in(client, name, pattern):
    from django.urls import reverse

    kwargs = {k: SITE_KWARGS[k] for k in pattern.pattern.regex.groupindex}
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code in (302, 405), f"{name} answered {response.status_code}"
    if response.status_code == 302:
        assert "/sign-in/" in response.url
