"""Moving a self-evaluation to a revised framework's criteria: what carries over is copied, the old
SEF is kept as it was, and what does not carry over is listed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.inspection.criteria import CarryOver, carry_over, load_criteria
from sendready.selfevaluation.actions import ASSESSMENT_LABELS, new_sef
from sendready.selfevaluation.constants import OVERALL
from sendready.selfevaluation.models import Change, Comment, Evidence, SelfEvaluation
from sendready.selfevaluation.presenters import person_name


def move_to_version(
    *, actor, sef: SelfEvaluation, version: str, request: HttpRequest | None = None
) -> tuple[SelfEvaluation, CarryOver]:
    """Answer a newer criteria version: a new SEF that copies the lead, position and answers of every
    criterion whose key carries over, its comments, and the evidence for those criteria. The old SEF
    is kept as it was; what did not carry over is returned so the page can list it."""
    old, new = load_criteria(sef.criteria_version), load_criteria(version)
    if new.framework != old.framework or version == sef.criteria_version:
        raise ValidationError({"version": "Choose a newer version of this framework's criteria."})
    plan = carry_over(old, new)
    with transaction.atomic():
        if SelfEvaluation.objects.filter(area=sef.area, criteria_version=version).exists():
            raise ValidationError({"version": "The area already answers that version."})
        moved = new_sef(area=sef.area, criteria=new, actor=actor, previous=sef)
        _copy_answers(sef, moved, plan.kept)
        Change.objects.create(
            sef=moved,
            criterion_key=OVERALL,
            field="criteria_version",
            label="Criteria version",
            old=sef.criteria_version,
            new=version,
            by=actor,
            by_name=person_name(actor),
        )
        record(
            request,
            AuditAction.CREATED,
            "self_evaluation",
            moved.pk,
            area=sef.area,
            user=actor,
            detail=f"moved from version {sef.criteria_version} to {version}: kept "
            f"{len(plan.kept)}, not carried over {', '.join(plan.dropped) or 'none'}",
        )
    return moved, plan


ENTRY_COPY = ("lead", "position", "rationale", "what_we_know", "what_it_means", "what_next")


def _copy_answers(old: SelfEvaluation, new: SelfEvaluation, kept: tuple[str, ...]) -> None:
    for field in ASSESSMENT_LABELS:
        setattr(new, field, getattr(old, field))
    new.save()
    entries = {e.key: e for e in new.entries.all()}
    for entry in old.entries.filter(key__in=kept):
        target = entries[entry.key]
        for field in ENTRY_COPY:
            setattr(target, field, getattr(entry, field))
        target.updated_at, target.updated_by = entry.updated_at, entry.updated_by
        target.save()
    Comment.objects.bulk_create(
        [
            Comment(
                sef=new,
                criterion_key=c.criterion_key,
                author=c.author,
                author_name=c.author_name,
                role=c.role,
                text=c.text,
            )
            for c in old.comments.filter(criterion_key__in=kept)
        ]
    )
    copies = []
    for e in old.evidence.all():
        still = [k for k in e.criteria if k in kept]
        if still:
            e.pk, e.id, e.sef, e.criteria = None, None, new, still  # a copy; files are shared
            copies.append(e)
    Evidence.objects.bulk_create(copies)
