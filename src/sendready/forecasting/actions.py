"""State changes: importing inspection events (all-or-nothing, validation first, every row audited)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction

from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.history.events import KIND_WORDS, RowError
from sendready.domain.history.formats import LAYOUTS, parse_inspection_file
from sendready.forecasting.data import domain_areas, row_values
from sendready.forecasting.models import InspectionEvent


@dataclass
class ImportReport:
    """What an import did, or the problems that stopped it (then nothing was written)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    layout: str = ""
    added_lines: list[str] = field(default_factory=list)
    updated_lines: list[str] = field(default_factory=list)

    @property
    def layout_words(self) -> str:
        """The layout the file was read as, in words."""
        return LAYOUTS.get(self.layout, "")

    @property
    def summary(self) -> str:
        """E.g. '3 added, 1 updated, 266 unchanged'."""
        return f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"


def _describe(row: InspectionEvent | None, values: dict) -> str:
    """E.g. 'Stoke-on-Trent: full inspection (2023 framework) started 2025-10-06'."""
    when = (
        f"started {values['start_date']}"
        if values["start_date"]
        else f"published {values['publication_date']}"
    )
    name = row.area.name if row is not None else values.get("_area_name", "")
    return f"{name}: {KIND_WORDS[values['kind']]} ({values['framework']} framework) {when}"


# Where a file differs from a held row only in these (its wording of the outcome, its source label), the row is
# unchanged: re-importing Ofsted's own file over the shipped history must not rewrite it.
_COSMETIC = ("outcome_text", "source")


def _changes(row: InspectionEvent, values: dict) -> str:
    return "; ".join(
        f"{k} {getattr(row, k)!r} -> {v!r}" for k, v in values.items() if getattr(row, k) != v
    )


def _differs(row: InspectionEvent, values: dict) -> bool:
    return any(getattr(row, k) != v for k, v in values.items() if k not in _COSMETIC)


def import_events(*, content: str | bytes, actor=None, request=None) -> ImportReport:
    """Check every row, then add new events and update changed ones in one transaction.

    Only site administrators may change the national history (actor None is the server's console);
    each added or updated row gets its own audit entry with the old and new values."""
    if actor is not None and not actor.is_staff:
        raise PermissionDenied(
            "Only a site administrator can import the national inspection history."
        )
    data = content.encode("utf-8") if isinstance(content, str) else content
    result = parse_inspection_file(data, domain_areas())
    if result.errors:
        return ImportReport(errors=result.errors, layout=result.layout)
    if not result.events:
        return ImportReport(
            errors=[RowError(2, "", "the file has no data rows")], layout=result.layout
        )
    report = ImportReport(layout=result.layout)
    with transaction.atomic():
        keys = [e.key for e in result.events]
        held = {
            r.event_key: r
            for r in InspectionEvent.objects.select_for_update()
            .select_related("area")
            .filter(event_key__in=keys)
        }
        new = []
        for e in result.events:
            values = row_values(e)
            row = held.get(e.key)
            if row is None:
                new.append(InspectionEvent(area_id=e.area_code, event_key=e.key, **values))
                line = _describe(None, {**values, "_area_name": e.area_name})
                report.added_lines.append(line)
                record(
                    request,
                    AuditAction.CREATED,
                    "InspectionEvent",
                    e.key,
                    user=actor,
                    detail=f"added {line}; " + "; ".join(f"{k} {v!r}" for k, v in values.items()),
                )
            elif _differs(row, values):
                line = _describe(row, values)
                changes = _changes(row, values)
                report.updated_lines.append(f"{line}: {changes}")
                record(
                    request,
                    AuditAction.CHANGED,
                    "InspectionEvent",
                    e.key,
                    user=actor,
                    detail=f"updated {line}: {changes}",
                )
                for k, v in values.items():
                    setattr(row, k, v)
                row.save()
                report.updated += 1
            else:
                report.unchanged += 1
        InspectionEvent.objects.bulk_create(new)
        report.added = len(new)
        record(
            request,
            AuditAction.IMPORTED,
            "InspectionEvent",
            user=actor,
            detail=f"{report.summary} (read as {report.layout_words})",
        )
    return report
