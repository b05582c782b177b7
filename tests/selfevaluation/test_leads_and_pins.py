"""Any member who works in the area's services can lead a criterion (a health lead too) and then edit
it; a pinned indicator can be changed, and compared from an earlier snapshot."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent
from sendready.selfevaluation import actions, evidence_actions
from sendready.selfevaluation.models import Evidence
from tests.selfevaluation.conftest import url

POSITION = {"position": "inconsistent", "rationale": "Therapy waits vary by place."}


def test_a_health_lead_is_offered_as_a_system_lead_and_then_edits_their_criterion(
    client, people, sef
):
    health = people.by_role[Role.HEALTH_LEAD]
    client.force_login(people.by_role[Role.LANO])
    form = client.get(url("criterion_lead", people.area, "right_help")).content.decode()
    assert "a_health_lead (Health lead)" in form and "a_viewer" not in form
    response = client.post(url("criterion_lead", people.area, "right_help"), {"lead": health.pk})
    assert response.status_code == 302
    client.force_login(health)
    assert client.get(url("criterion_edit", people.area, "right_help")).status_code == 200
    client.post(url("criterion_edit", people.area, "right_help"), POSITION)
    assert sef.entries.get(key="right_help").position == "inconsistent"
    # ... but not a criterion someone else leads: the page says who can, a POST is refused.
    response = client.get(url("criterion_edit", people.area, "identified"))
    assert response.status_code == 302 and response.url == url(
        "criterion", people.area, "identified"
    )
    assert (
        client.post(url("criterion_edit", people.area, "identified"), POSITION).status_code == 403
    )
    assert sef.entries.get(key="identified").position == ""


def test_a_viewer_or_an_outsider_cannot_be_named_system_lead(people, sef, two_areas):
    entry = sef.entries.get(key="identified")
    lano = people.by_role[Role.LANO]
    for who in (people.by_role[Role.VIEWER], two_areas[0].outsider):
        with pytest.raises(ValidationError):
            actions.set_lead(actor=lano, entry=entry, lead=who)
    entry.refresh_from_db()
    assert entry.lead is None


def test_a_health_lead_adds_evidence_and_changes_only_their_own(client, people, sef):
    health = people.by_role[Role.HEALTH_LEAD]
    other = evidence_actions.save_evidence(
        actor=people.by_role[Role.LANO],
        sef=sef,
        values={
            "kind": "case_study",
            "title": "LANO's case study",
            "evidence_date": dt.date(2025, 5, 1),
            "criteria": ["identified"],
            "link": "https://example.org/case",
        },
    )
    client.force_login(health)
    response = client.post(
        url("evidence_new", people.area),
        {
            "kind": "aggregated_data",
            "title": "Therapy waiting times",
            "evidence_date_day": "1",
            "evidence_date_month": "6",
            "evidence_date_year": "2025",
            "co_produced": "no",
            "criteria": ["right_help"],
            "link": "https://example.org/therapy",
            "owner": str(health.pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert client.get(url("evidence_edit", people.area, other.pk)).status_code == 302
    assert client.post(url("evidence_remove", people.area, other.pk)).status_code == 403
    assert Evidence.objects.filter(pk=other.pk).exists()


@pytest.fixture
def two_snapshots(people):
    """An earlier snapshot with 100 more plans than the newest one."""
    from sendready.pupildata.testing import sample_snapshot_and_run

    snapshot, _ = sample_snapshot_and_run(people.area, people.by_role[Role.LANO])
    earlier = {
        "indicators": [
            dict(i, value=(i["value"] or 0) + 100) if i["id"] == "ehc_plans" else i
            for i in snapshot.indicators["indicators"]
        ]
    }
    type(snapshot).objects.create(
        area=people.area,
        snapshot_date=snapshot.snapshot_date - dt.timedelta(days=90),
        file_name="earlier.csv",
        data_path=snapshot.data_path,
        row_count=snapshot.row_count,
        indicators=snapshot.indicators | earlier,
    )
    return snapshot


def _value(snapshot, key):
    return next(i["value"] for i in snapshot.indicators["indicators"] if i["id"] == key)


def test_the_pinned_indicator_and_its_comparison_can_be_changed(client, people, sef, two_snapshots):
    lano = people.by_role[Role.LANO]
    item = evidence_actions.pin_indicator(
        actor=lano, sef=sef, indicator_id="ehc_plans", values={"criteria": ["identified"]}
    )
    assert item.indicator_as_of == two_snapshots.snapshot_date
    client.force_login(lano)
    page = client.get(url("evidence_repin", people.area, item.pk)).content.decode()
    assert "Keep its value as in the snapshot of" in page and "(newest)" in page
    earlier = two_snapshots.snapshot_date - dt.timedelta(days=90)
    response = client.post(
        url("evidence_repin", people.area, item.pk),
        {
            "indicator": "ehc_plans",
            "compare_from": earlier.isoformat(),
            "title": item.title,
            "criteria": ["identified", "right_help"],
            "owner": str(lano.pk),
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.indicator_as_of == earlier and item.evidence_date == earlier
    assert item.indicator_value == _value(two_snapshots, "ehc_plans") + 100
    assert item.criteria == ["identified", "right_help"]
    page = client.get(url("evidence_detail", people.area, item.pk)).content.decode()
    assert f"{_value(two_snapshots, 'ehc_plans'):g}" in page  # now, beside then
    client.post(
        url("evidence_repin", people.area, item.pk),
        {
            "indicator": "sen_support",
            "compare_from": two_snapshots.snapshot_date.isoformat(),
            "title": item.title,
            "criteria": ["identified"],
        },
    )
    item.refresh_from_db()
    assert item.indicator_id == "sen_support" and item.title == item.indicator_title
    assert item.indicator_value == _value(two_snapshots, "sen_support")
    assert (
        AuditEvent.objects.filter(
            object_type="evidence", object_id=str(item.pk), action=AuditAction.CHANGED
        ).count()
        == 2
    )


def test_a_snapshot_that_does_not_exist_is_refused_and_nothing_changes(
    client, people, sef, two_snapshots
):
    lano = people.by_role[Role.LANO]
    item = evidence_actions.pin_indicator(
        actor=lano, sef=sef, indicator_id="ehc_plans", values={"criteria": ["identified"]}
    )
    client.force_login(lano)
    response = client.post(
        url("evidence_repin", people.area, item.pk),
        {"indicator": "ehc_plans", "compare_from": "2001-01-01", "criteria": ["identified"]},
    )
    assert "Choose a snapshot from the list" in response.content.decode()
    item.refresh_from_db()
    assert item.indicator_as_of == two_snapshots.snapshot_date
