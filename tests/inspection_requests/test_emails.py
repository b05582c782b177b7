"""Emails of the request board: an owner hears when a request is assigned to them, the LANOs when one is
ready for review; the inspector's evidence room links to the tracked cases' packs."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from sendready.areas.constants import Role
from sendready.inspection_requests import actions
from tests.inspection_requests.conftest import web_request


@pytest.fixture
def mail(mailoutbox, django_capture_on_commit_callbacks):
    """The outbox, with emails sent as their change commits."""

    def run(call):
        with django_capture_on_commit_callbacks(execute=True):
            result = call()
        return result

    run.outbox = mailoutbox
    return run


@pytest.fixture
def emailed(board):
    """Give the area's people addresses to be emailed at."""
    for user in [*board.people.by_role.values(), board.people.outsider]:
        user.email = f"{user.username}@example.org"
        user.save()
    return board


def test_an_owner_is_emailed_when_a_request_is_assigned_to_them(emailed, mail):
    item = mail(
        lambda: actions.add_request(
            actor=emailed.lano,
            inspection=emailed.inspection,
            values=emailed.values("Pen portraits"),
            request=web_request(),
        )
    )
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["a_practitioner@example.org"]
    assert sent.subject == "Inspectors' request for you: Pen portraits"
    link = reverse("inspection_requests:detail", args=[item.area.code, item.pk])
    assert f"https://testserver{link}" in sent.body and "(London time)" in sent.body


def test_a_new_owner_is_emailed_when_the_request_changes_hands_and_nobody_else_is(emailed, mail):
    item = emailed.add("Chronologies", owner=emailed.lano)  # no request: no email (no link to give)
    assert mail.outbox == []
    health = emailed.people.by_role[Role.HEALTH_LEAD]
    values = emailed.values("Chronologies", owner=health)
    mail(
        lambda: actions.update_request(
            actor=emailed.lano, item=item, values=values, request=web_request()
        )
    )
    assert [m.to for m in mail.outbox] == [["a_health_lead@example.org"]]
    values = emailed.values("Chronologies, all six", owner=health)
    mail(
        lambda: actions.update_request(
            actor=emailed.lano, item=item, values=values, request=web_request()
        )
    )
    assert len(mail.outbox) == 1  # the owner did not change


def test_a_pasted_list_sends_its_owner_one_email_listing_every_request(emailed, mail):
    items = mail(
        lambda: actions.add_pasted_requests(
            actor=emailed.lano,
            inspection=emailed.inspection,
            text="1. Pen portraits\n2. Chronologies\n3. Case file audits",
            values=emailed.values("(from the list)"),
            request=web_request(),
        )
    )
    assert len(items) == 3 and len(mail.outbox) == 1
    assert mail.outbox[0].subject == "3 inspectors' requests for you"
    assert all(i.title in mail.outbox[0].body for i in items)


def test_someone_who_assigns_a_request_to_themselves_is_not_emailed(emailed, mail):
    mail(
        lambda: actions.add_request(
            actor=emailed.lano,
            inspection=emailed.inspection,
            values=emailed.values("Context presentation", owner=emailed.lano),
            request=web_request(),
        )
    )
    assert mail.outbox == []


def test_the_lanos_are_emailed_when_a_request_is_ready_for_review(emailed, mail):
    from sendready.areas.models import Membership

    second = emailed.people.outsider
    Membership.objects.create(user=second, area=emailed.people.area, role=Role.LANO)
    item = emailed.add("Annex A: SEND strategy")
    actions.save_answer(actor=emailed.owner, item=item, answer="Attached", link="")
    mail(
        lambda: actions.move_request(
            actor=emailed.owner, item=item, target="ready_for_review", request=web_request()
        )
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["a_lano@example.org", "b_lano@example.org"]
    assert mail.outbox[0].subject == "Ready for review: Annex A: SEND strategy"
    assert "did not prepare it" in mail.outbox[0].body


def test_a_lano_who_sends_for_review_is_not_emailed_about_it(emailed, mail):
    item = emailed.add("Local Offer", owner=emailed.lano)
    actions.save_answer(actor=emailed.lano, item=item, answer="Link", link="")
    mail(
        lambda: actions.move_request(
            actor=emailed.lano, item=item, target="ready_for_review", request=web_request()
        )
    )
    assert mail.outbox == []


def test_the_pages_send_the_emails(client, emailed, mail):
    code = emailed.inspection.area.code
    client.force_login(emailed.lano)
    tomorrow = timezone.localdate() + dt.timedelta(days=2)
    mail(
        lambda: client.post(
            reverse("inspection_requests:new", args=[code, emailed.inspection.pk]),
            {
                "title": "Chronology",
                "due_date_day": tomorrow.day,
                "due_date_month": tomorrow.month,
                "due_date_year": tomorrow.year,
                "due_time": "12:00",
                "owner": str(emailed.owner.pk),
            },
        )
    )
    assert [m.to for m in mail.outbox] == [["a_practitioner@example.org"]]
    assert "http://testserver/areas/" in mail.outbox[0].body


def test_the_evidence_room_links_to_the_tracked_cases_packs(client, board):
    access = board.inspector()
    client.force_login(access.user)
    page = client.get(reverse("inspection_requests:room", args=[access.pk])).content.decode()
    assert f'href="{reverse("cases:inspector_cases")}"' in page
    assert client.get(reverse("cases:inspector_cases")).status_code == 200
