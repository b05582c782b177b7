"""The case's pen portrait and chronology: each change one transaction with its audit entry."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.cases.models import ChronologyEntry, TrackedCase
from sendready.stored_text import clean_model_text


def save_pen_portrait(
    *, actor, case: TrackedCase, text: str, request: HttpRequest | None = None
) -> TrackedCase:
    """Keep the pen portrait: who the child or young person is, in a few paragraphs."""
    with transaction.atomic():
        case.pen_portrait = text.strip()
        clean_model_text(case)
        case.save(update_fields=["pen_portrait", "updated_at"])
        record(
            request,
            AuditAction.CHANGED,
            "tracked_case",
            case.pk,
            area=case.area,
            user=actor,
            detail=f"pen portrait for {case.person_id} ({len(case.pen_portrait)} characters)",
        )
    return case


def add_chronology_entry(
    *,
    actor,
    case: TrackedCase,
    happened_on: dt.date,
    event: str,
    agency: str = "",
    today: dt.date | None = None,
    request: HttpRequest | None = None,
) -> ChronologyEntry:
    """Add a dated event to the chronology; a date in the future is refused."""
    if happened_on > (today or dt.date.today()):
        raise ValidationError({"happened_on": "The date must be today or in the past"})
    if not event.strip():
        raise ValidationError({"event": "Enter what happened"})
    with transaction.atomic():
        entry = ChronologyEntry(
            case=case, happened_on=happened_on, event=event.strip(), agency=agency, added_by=actor
        )
        clean_model_text(entry)
        entry.save()
        record(
            request,
            AuditAction.CREATED,
            "case_chronology",
            entry.pk,
            area=case.area,
            user=actor,
            detail=f"chronology of {case.person_id}: {happened_on.isoformat()}",
        )
    return entry


def remove_chronology_entry(
    *, actor, entry: ChronologyEntry, request: HttpRequest | None = None
) -> None:
    """Take an event out of the chronology."""
    case = entry.case
    with transaction.atomic():
        record(
            request,
            AuditAction.DELETED,
            "case_chronology",
            entry.pk,
            area=case.area,
            user=actor,
            detail=f"chronology of {case.person_id}: {entry.happened_on.isoformat()}",
        )
        entry.delete()
