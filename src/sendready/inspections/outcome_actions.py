"""Entering a step's real date and recording an inspection's outcome: each owns its transaction and audit."""

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sendready.areas.registry import OutcomeRecorded, announce_outcome
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.inspection.frameworks import load_framework
from sendready.domain.inspection.outcomes import OutcomeError, RecordedOutcome, check_outcome
from sendready.inspections.actions import save_actual_row, write_milestones
from sendready.inspections.models import Inspection
from sendready.inspections.timelines import overrides_of, plan_timeline, stored_settings

# The framework's 2016 inspection records how many significant weaknesses a re-visit judges.
WEAKNESSES_FROM = ("2016-inspection", "wsoa", "weaknesses")


def _locked(inspection: Inspection) -> Inspection:
    """Re-read the inspection under a row lock, so two people's changes cannot interleave."""
    return Inspection.objects.select_for_update().get(pk=inspection.pk)


def set_actual_dates(
    *, actor, inspection: Inspection, dates: Mapping[str, dt.date | None], request=None
) -> Inspection:
    """Enter (or clear, with None) real dates by name; every step chained from them moves."""
    with transaction.atomic():
        inspection = _locked(inspection)
        overrides = overrides_of(inspection)
        for name, day in dates.items():
            if day is None:
                overrides.pop(name, None)
            else:
                overrides[name] = day
        timeline = plan_timeline(
            inspection.framework,
            inspection.notified_on,
            overrides,
            stored_settings(inspection),
            inspection.outcome_key,
        )
        for name, day in dates.items():
            save_actual_row(inspection=inspection, name=name, day=day, actor=actor)
            if name in ("onsite_start", "onsite_end"):
                setattr(inspection, name, day)
        inspection.save(update_fields=["onsite_start", "onsite_end", "updated_at"])
        write_milestones(inspection=inspection, timeline=timeline, owner=None)
        said = ", ".join(f"{n} = {d.isoformat() if d else 'cleared'}" for n, d in dates.items())
        record(
            request,
            AuditAction.CHANGED,
            "inspection",
            inspection.pk,
            area=inspection.area,
            user=actor,
            detail=f"actual dates: {said}",
        )
    return inspection


def _weaknesses_recorded(inspection: Inspection) -> int | None:
    """Significant weaknesses the area's latest 2016 inspection recorded, for judging a re-visit."""
    framework, key, count = WEAKNESSES_FROM
    earlier = (
        Inspection.objects.for_area(inspection.area)
        .filter(framework=framework, outcome_key=key, notified_on__lt=inspection.notified_on)
        .order_by("-notified_on")
        .first()
    )
    if earlier is None or count not in earlier.outcome_counts:
        return None
    return int(earlier.outcome_counts[count])


def record_outcome(
    *,
    actor,
    inspection: Inspection,
    key: str,
    report_date: dt.date,
    counts: Mapping[str, int] | None = None,
    judgements: Mapping[int, str] | None = None,
    findings: str = "",
    request=None,
) -> Inspection:
    """Record what the report found; only that outcome's follow-ups stay, dated from the report."""
    fw = load_framework(inspection.framework)
    if not fw.report_step:
        raise ValidationError(f"{fw.title} has no report to record an outcome from.")
    with transaction.atomic():
        inspection = _locked(inspection)
        try:
            checked = check_outcome(
                inspection.framework,
                RecordedOutcome(
                    key=key,
                    report_date=report_date,
                    counts=dict(counts or {}),
                    judgements=dict(judgements or {}),
                    findings=findings,
                ),
                weaknesses_recorded=_weaknesses_recorded(inspection),
            )
        except OutcomeError as exc:
            field = _form_field(exc.field)
            raise ValidationError({field: str(exc)} if field else str(exc)) from exc
        overrides = {**overrides_of(inspection), fw.report_step: report_date}
        try:
            timeline = plan_timeline(
                inspection.framework,
                inspection.notified_on,
                overrides,
                stored_settings(inspection),
                key,
            )
        except ValidationError as exc:
            raise ValidationError({"report_date": exc.messages}) from exc
        save_actual_row(inspection=inspection, name=fw.report_step, day=report_date, actor=actor)
        inspection.outcome_key = checked.key
        inspection.outcome_counts = dict(checked.counts)
        inspection.outcome_judgements = {str(n): j for n, j in checked.judgements.items()}
        inspection.outcome_findings = findings
        inspection.outcome_recorded_by, inspection.outcome_recorded_at = actor, timezone.now()
        inspection.save()
        write_milestones(inspection=inspection, timeline=timeline, owner=None)
        announce_outcome(
            outcome=OutcomeRecorded(
                area=inspection.area,
                inspection_pk=inspection.pk,
                framework=inspection.framework,
                outcome_key=checked.key,
                report_date=report_date,
                counts=dict(checked.counts),
                judgements={int(n): j for n, j in checked.judgements.items()},
                findings=findings,
            ),
            actor=actor,
            request=request,
        )
        record(
            request,
            AuditAction.CHANGED,
            "inspection",
            inspection.pk,
            area=inspection.area,
            user=actor,
            detail=f"outcome {key}, report {report_date.isoformat()}, {checked.counts}",
        )
    return inspection


def _form_field(field: str | None) -> str | None:
    if field in ("outcome", "judgements") or (field or "").endswith(("areas", "weaknesses")):
        return field if field != "outcome" else "key"
    return None
