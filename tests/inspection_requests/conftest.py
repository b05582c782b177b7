import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sendready.areas.constants import Role
from sendready.inspection_requests import actions, file_actions, room_actions
from sendready.inspection_requests.actions import RequestValues
from sendready.inspection_requests.models import InspectorAccess

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Board:
    people: object
    area_b: object
    inspection: object
    lano: object
    owner: object  # a practitioner who owns requests

    def values(
        self, title: str = "Pen portraits", hours: float = 24, owner=None, **extra
    ) -> RequestValues:
        now = timezone.now()
        return RequestValues(
            title=title,
            requested_at=now - dt.timedelta(hours=1),
            due_at=now + dt.timedelta(hours=hours),
            owner=owner if owner is not None else self.owner,
            **extra,
        )

    def add(self, title: str = "Pen portraits", hours: float = 24, **extra):
        return actions.add_request(
            actor=self.lano, inspection=self.inspection, values=self.values(title, hours, **extra)
        )

    def answered(self, title: str = "Case file audit", hours: float = 24):
        """A request with a PDF in its draft, sent for review by its owner."""
        item = self.add(title, hours)
        file_actions.add_file(
            actor=self.owner, item=item, upload=SimpleUploadedFile("audit.pdf", PDF)
        )
        return actions.move_request(actor=self.owner, item=item, target="ready_for_review")

    def released(self, title: str = "Annex A: SEND strategy"):
        item = self.answered(title)
        return actions.move_request(actor=self.lano, item=item, target="released")

    def inspector(self, username: str = "hmi_lead", **days):
        return room_actions.open_access(
            actor=self.lano,
            inspection=self.inspection,
            name="Jane Lead",
            username=username,
            email=f"{username}@inspectors.example.org",
            role="Lead HMI",
            request=web_request(),
            **days,
        )


def web_request():
    """A request for actions that build links in emails (https://testserver/...)."""
    from django.test import RequestFactory

    return RequestFactory().get("/", secure=True)


def this_monday() -> dt.date:
    today = timezone.localdate()
    return today - dt.timedelta(days=today.weekday())


@pytest.fixture
def board(two_areas, settings, tmp_path):
    """A live inspection of area A (notified this week's Monday) and its LANO and a practitioner."""
    from sendready.inspections import actions as inspection_actions

    settings.MEDIA_ROOT = tmp_path / "media"
    people, area_b = two_areas
    lano = people.by_role[Role.LANO]
    inspection = inspection_actions.record_inspection(
        actor=lano, area=people.area, framework="2023-full", notified_on=this_monday()
    )
    return Board(people, area_b, inspection, lano, people.by_role[Role.PRACTITIONER])


def expire(access: InspectorAccess) -> InspectorAccess:
    """End an access's window yesterday (a last day the LANO chose)."""
    today = timezone.localdate()
    InspectorAccess.objects.filter(pk=access.pk).update(
        chosen_last_day=today - dt.timedelta(days=1)
    )
    access.refresh_from_db()
    return access


def sample_request_kwargs(inspection, lano, owner) -> dict:
    """Real request-board objects for the access walk: a released request with a file, an inspector."""
    board = Board(None, None, inspection, lano, owner)
    item = board.released("Walk: Annex A")
    evidence = item.versions.get().files.get()
    access = board.inspector("walk_inspector")
    return {
        "inspection_id": inspection.pk,
        "request_id": item.pk,
        "file_id": evidence.pk,
        "user_id": owner.pk,
        "access_id": access.pk,
    }
