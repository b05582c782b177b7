"""The only ways to choose, name and change tracked cases: each owns its transaction and audit entry."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from sendready.areas.models import LocalArea
from sendready.areas.registry import ActiveInspection, SnapshotRows
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.cases.constants import CaseStatus, SelectionKind
from sendready.cases.models import CaseSelection, EvidenceTask, TrackedCase
from sendready.domain.cases.evidence import InspectionDates, documents_due_for, evidence_items
from sendready.domain.cases.mixes import MixError, UnknownMix, mix_for
from sendready.domain.cases.sampling import CaseChoice, describe_people, sample_cases
from sendready.stored_text import clean_model_text

MAX_NAMED = 12


def _inspection_dates(inspection: ActiveInspection | None) -> InspectionDates | None:
    """The inspection's own dates for naming cases and sending their documents."""
    if inspection is None:
        return None
    return InspectionDates.from_steps({k: v.date for k, v in inspection.steps.items()})


def _due_for(named_on: dt.date, inspection: ActiveInspection | None) -> dt.date:
    """When documents are due for cases named on that day (the inspection's timeline, if linked)."""
    return documents_due_for(named_on, _inspection_dates(inspection))


def _profile(choice: CaseChoice) -> dict:
    return {
        "sen_status": choice.sen_status,
        "primary_need": choice.primary_need,
        "age": choice.age,
        "age_band": choice.age_band,
        "groups": choice.groups,
    }


def _add_evidence(case: TrackedCase, due: dt.date) -> None:
    EvidenceTask.objects.bulk_create(
        EvidenceTask(case=case, key=item.key, title=item.title, due_on=due, position=i)
        for i, item in enumerate(evidence_items())
    )


def _create_cases(
    selection: CaseSelection, tracked: list[CaseChoice], substitutes: list[CaseChoice]
) -> None:
    made: dict[str, TrackedCase] = {}
    for i, choice in enumerate(tracked):
        case = TrackedCase.objects.create(
            area=selection.area,
            selection=selection,
            person_id=choice.person_id,
            position=i,
            status=CaseStatus.TRACKED,
            reasons=choice.reasons,
            profile=_profile(choice),
        )
        _add_evidence(case, selection.documents_due)
        made[choice.person_id] = case
    for i, choice in enumerate(substitutes):
        TrackedCase.objects.create(
            area=selection.area,
            selection=selection,
            person_id=choice.person_id,
            position=i,
            status=CaseStatus.SUBSTITUTE,
            reasons=choice.reasons,
            profile=_profile(choice),
            substitute_for=made.get(choice.substitute_for or ""),
        )


def draw_practice_sample(
    *,
    actor,
    area: LocalArea,
    snapshot: SnapshotRows,
    mix: str,
    seed: int,
    named_on: dt.date,
    mix_changes: dict | None = None,
    inspection: ActiveInspection | None = None,
    request: HttpRequest | None = None,
) -> CaseSelection:
    """Choose a practice sample from the snapshot under the mix (with the LANO's changes to it), with
    substitutes, and keep it; linked to the inspection when given, which then dates the documents."""
    changes = {k: v for k, v in (mix_changes or {}).items() if v is not None}
    try:
        chosen_mix = mix_for(mix, changes)
    except UnknownMix as exc:
        raise ValidationError({"mix": str(exc)}) from exc
    except MixError as exc:
        raise ValidationError(exc.errors) from exc
    sample = sample_cases(snapshot.read(None), snapshot.snapshot_date, chosen_mix, seed)
    with transaction.atomic():
        selection = CaseSelection(
            area=area,
            kind=SelectionKind.PRACTICE,
            title=f"Practice sample of {named_on:%-d %B %Y} (seed {seed})",
            mix=chosen_mix.name,
            mix_changes=changes,
            inspection_id=inspection.pk if inspection else None,
            seed=seed,
            snapshot_date=snapshot.snapshot_date,
            named_on=named_on,
            documents_due=_due_for(named_on, inspection),
            shortfalls=sample.shortfalls,
            notes=sample.notes,
            created_by=actor,
        )
        clean_model_text(selection)
        selection.save()
        _create_cases(selection, sample.cases, sample.substitutes)
        record(
            request,
            AuditAction.CREATED,
            "case_selection",
            selection.pk,
            area=area,
            user=actor,
            detail=f"practice sample, mix {chosen_mix.name}"
            f"{' (adjusted)' if changes else ''}, seed {seed}, snapshot {snapshot.snapshot_date}"
            f"{f', inspection {inspection.pk}' if inspection else ''}",
        )
    return selection


def record_named_cases(
    *,
    actor,
    area: LocalArea,
    snapshot: SnapshotRows,
    tracked_ids: list[str],
    substitute_ids: list[str],
    named_on: dt.date,
    inspection: ActiveInspection | None = None,
    request: HttpRequest | None = None,
) -> CaseSelection:
    """Record the ids inspectors named (and their substitutes); ids not in the snapshot are refused.
    Linked to the inspection when given, whose timeline dates the documents."""
    _check_named(tracked_ids, substitute_ids)
    rows = snapshot.read(None)
    tracked, missing = describe_people(rows, snapshot.snapshot_date, tracked_ids)
    substitutes, missing_subs = describe_people(rows, snapshot.snapshot_date, substitute_ids)
    errors = {}
    when = f"{snapshot.snapshot_date:%-d %B %Y}"
    if missing:
        errors["tracked_ids"] = f"Not in the snapshot of {when}: {', '.join(missing)}."
    if missing_subs:
        errors["substitute_ids"] = f"Not in the snapshot of {when}: {', '.join(missing_subs)}."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        selection = CaseSelection.objects.create(
            area=area,
            kind=SelectionKind.INSPECTION,
            title=f"Cases named by inspectors on {named_on:%-d %B %Y}",
            snapshot_date=snapshot.snapshot_date,
            inspection_id=inspection.pk if inspection else None,
            named_on=named_on,
            documents_due=_due_for(named_on, inspection),
            created_by=actor,
        )
        _create_cases(selection, tracked, substitutes)
        record(
            request,
            AuditAction.CREATED,
            "case_selection",
            selection.pk,
            area=area,
            user=actor,
            detail=f"{len(tracked)} cases and {len(substitutes)} substitutes named by inspectors"
            f"{f', inspection {inspection.pk}' if inspection else ''}",
        )
    return selection


def _check_named(tracked_ids: list[str], substitute_ids: list[str]) -> None:
    if not tracked_ids:
        raise ValidationError({"tracked_ids": "Enter the person ids inspectors named."})
    if len(tracked_ids) > MAX_NAMED:
        raise ValidationError(
            {"tracked_ids": f"Enter at most {MAX_NAMED} person ids (inspectors usually name 6)."}
        )
    twice = sorted({p for p in tracked_ids if tracked_ids.count(p) > 1})
    if twice:
        raise ValidationError({"tracked_ids": f"Each id only once: {', '.join(twice)}."})
    both = sorted(set(tracked_ids) & set(substitute_ids))
    if both:
        raise ValidationError(
            {"substitute_ids": f"Already a tracked case, not a substitute: {', '.join(both)}."}
        )


def decline_case(
    *,
    actor,
    case: TrackedCase,
    reason: str,
    substitute: TrackedCase,
    inspection: ActiveInspection | None = None,
    today: dt.date | None = None,
    request: HttpRequest | None = None,
) -> TrackedCase:
    """The family declined: the case stops being tracked and the chosen substitute takes its place,
    its documents due from today (by the linked inspection's own number of days, if given)."""
    if case.status != CaseStatus.TRACKED:
        raise ValidationError("Only a tracked case can be replaced.")
    if substitute.selection_id != case.selection_id or substitute.status != CaseStatus.SUBSTITUTE:
        raise ValidationError({"substitute": "Choose one of this selection's substitutes."})
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the family declined or cannot take part."})
    today = today or dt.date.today()
    if inspection is not None and inspection.pk != case.selection.inspection_id:
        inspection = None  # only the inspection these cases were named for dates them
    with transaction.atomic():
        case.status = CaseStatus.DECLINED
        case.declined_reason = reason.strip()
        case.declined_on = today
        clean_model_text(case)
        case.save()
        substitute.status = CaseStatus.TRACKED
        substitute.replaces = case
        substitute.position = case.position
        substitute.save()
        _add_evidence(substitute, _due_for(today, inspection))
        record(
            request,
            AuditAction.CHANGED,
            "tracked_case",
            case.pk,
            area=case.area,
            user=actor,
            detail=f"person {case.person_id} declined ({reason.strip()[:200]}); "
            f"substitute {substitute.person_id} tracked instead",
        )
    return substitute
