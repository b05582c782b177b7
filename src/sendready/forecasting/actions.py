"""State changes: importing inspection events (all-or-nothing, validation first)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from sendready.accounts.audit import record
from sendready.accounts.constants import AuditAction
from sendready.domain.history import RowError, parse_inspection_events
from sendready.forecasting.data import domain_areas, row_values
from sendready.forecasting.models import InspectionEvent


@dataclass
class ImportReport:
    """What an import did, or the problems that stopped it (then nothing was written)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """E.g. '3 added, 1 updated, 266 unchanged'."""
        return f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"


def import_events(text_or_path: str | Path, user=None, request=None) -> ImportReport:
    """Check every row, then add new events and update changed ones in one transaction."""
    result = parse_inspection_events(text_or_path, domain_areas())
    if result.errors:
        return ImportReport(errors=result.errors)
    if not result.events:
        return ImportReport(errors=[RowError(2, "new_la_code", "the file has no data rows")])
    report = ImportReport()
    with transaction.atomic():
        held = {r.event_key: r for r in InspectionEvent.objects.filter(event_key__in=[e.key for e in result.events])}
        new = []
        for e in result.events:
            values = row_values(e)
            row = held.get(e.key)
            if row is None:
                new.append(InspectionEvent(area_id=e.area_code, event_key=e.key, **values))
            elif any(getattr(row, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(row, k, v)
                row.save()
                report.updated += 1
            else:
                report.unchanged += 1
        InspectionEvent.objects.bulk_create(new)
        report.added = len(new)
        if user is not None:
            _audit(user, report, request)
    return report


def _audit(user, report: ImportReport, request) -> None:
    record(request, AuditAction.IMPORTED, "InspectionEvent", detail=report.summary, user=user)
