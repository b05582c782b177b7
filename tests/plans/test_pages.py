"""Plan pages: what each shows, the forms' errors in plain words, and another area's plan refused."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from sendready.areas.constants import Role
from sendready.audit.models import AuditEvent
from sendready.domain.plans import rag_text
from sendready.plans.models import PlanAction, PlanFieldChange
from sendready.plans.work_actions import save_action, save_measure
from tests.plans.conftest import revisited

SPLIT = {1: "sufficient", 2: "sufficient", 3: "sufficient", 4: "insufficient", 5: "insufficient"}


@pytest.fixture
def wsoa(wsoa_inspection):
    from sendready.plans.models import Plan

    return Plan.objects.get(plan_type="wsoa")


def _url(name, people, plan, *args):
    return reverse(f"plans:{name}", args=[people.area.code, plan.pk, *args])


def _date(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def test_the_plan_page_shows_each_area_its_rag_and_the_rules_in_words(client, people, lano, wsoa):
    area = wsoa.areas.get(number=1)
    save_action(
        actor=lano,
        plan_area=area,
        title="Clear the backlog",
        owner=lano,
        due_date=dt.date(2019, 9, 2),
    )
    save_measure(actor=lano, plan_area=area, name="Plans in 20 weeks (%)", baseline=40, target=60)
    client.force_login(people.by_role[Role.VIEWER])
    page = client.get(_url("detail", people, wsoa)).content.decode()
    for rule in rag_text():
        assert rule in page
    assert "Significant weakness 5" in page and "Clear the backlog" in page
    assert "Red" in page  # the action is long overdue
    assert "13 June 2019" in page
    assert "Add an action" not in page  # viewers read only
    assert 'id="monitoring-report"' in page
    listing = client.get(reverse("plans:list", args=[people.area.code])).content.decode()
    assert "Written statement of action" in listing


def test_an_action_without_owner_or_due_date_is_refused_in_plain_words(client, people, lano, wsoa):
    client.force_login(lano)
    response = client.post(
        _url("action_new", people, wsoa, 1), {"title": "Train SENCOs", "owner": "", "status": ""}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error:" in page
    assert "every action needs an owner" in page and "every action needs a due date" in page
    response = client.post(
        _url("action_new", people, wsoa, 1),
        {
            "title": "Train SENCOs",
            "owner": lano.pk,
            **_date("start_date", dt.date(2019, 6, 1)),
            **_date("due_date", dt.date(2019, 5, 1)),
        },
    )
    assert "is before the start date" in response.content.decode()
    assert not PlanAction.objects.exists()
    response = client.post(
        _url("action_new", people, wsoa, 1),
        {"title": "Train SENCOs", "owner": lano.pk, **_date("due_date", dt.date(2019, 9, 1))},
    )
    assert response.status_code == 302 and response["Location"].endswith("#area-1")
    action = PlanAction.objects.get()
    response = client.post(
        _url("update_new", people, wsoa, 1, action.pk),
        {**_date("date", dt.date(2019, 8, 1)), "note": "Half trained", "evidence_url": "nope"},
    )
    assert "Enter the link as a web address" in response.content.decode()
    assert AuditEvent.objects.filter(object_type="plan_action").count() == 1


def test_a_measure_without_a_baseline_and_a_judgement_for_an_area_not_in_the_plan_are_refused(
    client, people, lano, wsoa
):
    client.force_login(lano)
    response = client.post(
        _url("measure_new", people, wsoa, 2),
        {"name": "EHC plans in 20 weeks", "target": "60", "lower_is_better": "no"},
    )
    assert "Enter the baseline" in response.content.decode()
    response = client.post(
        _url("judgement_new", people, wsoa),
        {"number": "9", "judgement": "sufficient", **_date("date", dt.date(2022, 6, 14))},
    )
    assert "That area is not in this plan" in response.content.decode()
    before = PlanFieldChange.objects.count()
    response = client.post(
        _url("judgement_new", people, wsoa),
        {"number": "2", "judgement": "sufficient", **_date("date", dt.date(2022, 6, 14))},
    )
    assert response.status_code == 302
    assert PlanFieldChange.objects.count() > before


def test_another_areas_plan_is_not_found_and_a_viewer_cannot_change_one(
    client, two_areas, people, lano, wsoa
):
    _, area_b = two_areas
    client.force_login(people.outsider)  # the LANO of area B
    for url in (
        reverse("plans:detail", args=[area_b.code, wsoa.pk]),
        reverse("plans:area_edit", args=[area_b.code, wsoa.pk, 1]),
        reverse("plans:history", args=[area_b.code, wsoa.pk]),
    ):
        assert client.get(url).status_code == 404
    response = client.post(
        reverse("plans:area_edit", args=[area_b.code, wsoa.pk, 1]),
        {"title": "Taken over", "responsible_body": "council"},
    )
    assert response.status_code == 404
    assert wsoa.areas.get(number=1).title == "Significant weakness 1"
    client.force_login(people.by_role[Role.VIEWER])
    assert client.get(_url("area_edit", people, wsoa, 1)).status_code == 403


def test_the_history_page_shows_the_plan_on_a_date_and_what_changed_since(
    client, people, lano, wsoa, wsoa_inspection
):
    revisited(people, lano, wsoa_inspection, SPLIT)
    yesterday = dt.date.today() - dt.timedelta(days=1)
    # What the outcomes wrote happened yesterday; the renaming below happens today.
    PlanFieldChange.objects.update(at=timezone.now() - dt.timedelta(days=1, hours=1))
    client.force_login(lano)
    client.post(
        _url("area_edit", people, wsoa, 4),
        {"title": "Joint commissioning", "responsible_body": "both"},
    )
    page = client.get(
        _url("history", people, wsoa),
        {**_date("on", dt.date.today()), **_date("since", yesterday)},
    ).content.decode()
    changes = page[page.index('id="changes"') : page.index('id="baseline"')]
    assert "Significant weakness 4" in changes and "Joint commissioning" in changes
    assert "1 change<" in changes
    assert "3 sufficient, 2 insufficient" in page
    then = client.get(_url("history", people, wsoa), _date("on", yesterday)).content.decode()
    baseline = then[then.index('id="baseline"') :]
    assert "Significant weakness 4" in baseline and "Joint commissioning" not in baseline
    page = client.get(_url("history", people, wsoa), {"since": "inspection"}).content.decode()
    assert "Judgement" in page
    bad = client.get(
        _url("history", people, wsoa),
        {**_date("on", yesterday), **_date("since", dt.date.today())},
    ).content.decode()
    assert "must be on or before" in bad
