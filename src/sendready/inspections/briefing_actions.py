"""Saving what the briefing and the key message to families say: one transaction, audited inside it."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.inspections.models import Inspection, TeamMember
from sendready.stored_text import clean_model_text


@dataclass(frozen=True)
class BriefingValues:
    """What the briefing, the key message to families and the inspection team say."""

    purpose: str = ""
    areas_of_focus: str = ""
    survey_link: str = ""
    pcf_meeting_date: dt.date | None = None
    pcf_meeting_start: dt.time | None = None
    pcf_meeting_end: dt.time | None = None
    pcf_meeting_link: str = ""
    pcf_meeting_phone: str = ""
    pcf_meeting_conference_id: str = ""
    contact_email: str = ""
    team: Sequence[tuple[str, str, str]] = ()  # name, role, organisation


def update_briefing(
    *, actor, inspection: Inspection, values: BriefingValues, request=None
) -> Inspection:
    """Save what the briefing and the key message to families say, and the inspection team."""
    with transaction.atomic():
        inspection.purpose = values.purpose or ""
        inspection.areas_of_focus = values.areas_of_focus or ""
        inspection.survey_link = values.survey_link or ""
        inspection.pcf_meeting_date = values.pcf_meeting_date
        inspection.pcf_meeting_start = values.pcf_meeting_start
        inspection.pcf_meeting_end = values.pcf_meeting_end
        inspection.pcf_meeting_link = values.pcf_meeting_link or ""
        inspection.pcf_meeting_phone = values.pcf_meeting_phone or ""
        inspection.pcf_meeting_conference_id = values.pcf_meeting_conference_id or ""
        inspection.contact_email = values.contact_email or ""
        inspection.save()
        inspection.team.all().delete()
        members = [
            TeamMember(inspection=inspection, name=n, role=r, organisation=o)
            for n, r, o in values.team
        ]
        for member in members:  # bulk_create skips the pre-save clean, so clean here
            clean_model_text(member)
        TeamMember.objects.bulk_create(members)
        record(
            request,
            AuditAction.CHANGED,
            "inspection",
            inspection.pk,
            area=inspection.area,
            user=actor,
            detail="briefing details",
        )
    return inspection
