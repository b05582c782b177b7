"""The only ways to change a survey: each owns its transaction and writes its audit entry inside it.

Changing anything families will read (title, description, questions, easy-read) after the forum
approved it, or while they are reviewing it, sends the survey back to draft: it needs a new review.
Families' answers are stored by `submit_answers`, which writes no audit entry on purpose (an entry is
timed to the second, and would date each answer)."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.surveys.answers import Answer
from sendready.domain.surveys.bank import BankError, audiences, new_key, question_from_mapping
from sendready.domain.surveys.promotion import CHANNELS
from sendready.domain.surveys.schedule import london_day, window_problem
from sendready.surveys.constants import Decision, SurveyStatus
from sendready.surveys.models import PromotionTask, Response, Review, SubmittedForm, Survey
from sendready.surveys.state import current_fingerprint, is_approved

OBJECT = "survey"


def _audit(request, actor, survey: Survey, action: AuditAction, detail: str) -> None:
    record(request, action, OBJECT, survey.pk, area=survey.area, user=actor, detail=detail)


def create_survey(
    *,
    actor,
    area: LocalArea,
    audience: str,
    title: str = "",
    description: str = "",
    from_bank: bool = True,
    request: HttpRequest | None = None,
) -> Survey:
    """A draft survey for one audience, starting from the bank's questions unless asked not to."""
    bank = audiences()[audience]
    with transaction.atomic():
        survey = Survey.objects.create(
            area=area,
            audience=audience,
            title=title or bank.survey_title,
            description=description or bank.description,
            easy_read=bank.easy_read,
            questions=[q.as_dict() for q in bank.questions] if from_bank else [],
            created_by=actor,
        )
        _audit(request, actor, survey, AuditAction.CREATED, f"{audience} survey “{survey.title}”")
    return survey


def _locked(survey: Survey) -> None:
    if survey.responses.exists():
        raise ValidationError(
            "This survey already has answers, so what families read cannot change. "
            "Create a new survey instead."
        )


def _content_changed(request, actor, survey: Survey, detail: str) -> None:
    """Save a change families will read; an approved or reviewed survey goes back to draft."""
    if survey.status in (SurveyStatus.APPROVED, SurveyStatus.IN_REVIEW):
        detail += "; needs a new review by the parent carer forum"
        survey.status = SurveyStatus.DRAFT
    survey.save()
    _audit(request, actor, survey, AuditAction.CHANGED, detail)


def change_details(
    *,
    actor,
    survey: Survey,
    title: str,
    description: str,
    easy_read: bool,
    request: HttpRequest | None = None,
) -> Survey:
    """Change the survey's title, description or easy-read layout."""
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        _locked(survey)
        if (survey.title, survey.description, survey.easy_read) == (title, description, easy_read):
            return survey
        survey.title, survey.description, survey.easy_read = title, description, easy_read
        _content_changed(request, actor, survey, "changed the title, description or layout")
    return survey


def add_bank_questions(
    *, actor, survey: Survey, keys: Sequence[str], request: HttpRequest | None = None
) -> Survey:
    """Add questions from the audience's bank (those not already in the survey)."""
    bank = {q.key: q for q in audiences()[survey.audience].questions}
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        _locked(survey)
        have = {q["key"] for q in survey.questions}
        added = [bank[k].as_dict() for k in keys if k in bank and k not in have]
        if not added:
            return survey
        survey.questions = [*survey.questions, *added]
        _content_changed(request, actor, survey, f"added {len(added)} question(s) from the bank")
    return survey


def save_question(
    *,
    actor,
    survey: Survey,
    values: dict[str, Any],
    key: str | None = None,
    request: HttpRequest | None = None,
) -> Survey:
    """Add a question the area wrote (key None) or change one; a bad definition names its field."""
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        _locked(survey)
        keys = [q["key"] for q in survey.questions]
        if key is not None and key not in keys:
            raise ValidationError("That question is no longer in the survey.")
        try:
            question = question_from_mapping({**values, "key": key or new_key(keys)})
        except BankError as exc:
            raise ValidationError({exc.field: str(exc)}) from None
        if key is None:
            survey.questions = [*survey.questions, question.as_dict()]
        else:
            survey.questions = [
                question.as_dict() if q["key"] == key else q for q in survey.questions
            ]
        if survey.questions == Survey.objects.get(pk=survey.pk).questions:
            return survey
        verb = "added" if key is None else "changed"
        _content_changed(request, actor, survey, f"{verb} question “{question.text[:80]}”")
    return survey


def remove_question(
    *, actor, survey: Survey, key: str, request: HttpRequest | None = None
) -> Survey:
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        _locked(survey)
        kept = [q for q in survey.questions if q["key"] != key]
        if len(kept) == len(survey.questions):
            return survey
        gone = next(q for q in survey.questions if q["key"] == key)
        survey.questions = kept
        _content_changed(request, actor, survey, f"removed question “{gone['text'][:80]}”")
    return survey


def move_question(
    *, actor, survey: Survey, key: str, step: int, request: HttpRequest | None = None
) -> Survey:
    """Move a question up (step -1) or down (step 1)."""
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        _locked(survey)
        questions = list(survey.questions)
        index = next((i for i, q in enumerate(questions) if q["key"] == key), None)
        if index is None or not 0 <= index + step < len(questions):
            return survey
        questions[index], questions[index + step] = questions[index + step], questions[index]
        survey.questions = questions
        _content_changed(request, actor, survey, "changed the order of the questions")
    return survey


def set_window(
    *,
    actor,
    survey: Survey,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    request: HttpRequest | None = None,
) -> Survey:
    """When the survey opens and closes by itself (times are London wall-clock times)."""
    problem = window_problem(opens_at, closes_at)
    if problem:
        raise ValidationError({"closes_date": problem})
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        survey.opens_at, survey.closes_at = opens_at, closes_at
        survey.save(update_fields=["opens_at", "closes_at", "updated_at"])
        _audit(
            request,
            actor,
            survey,
            AuditAction.CHANGED,
            f"open from {opens_at.isoformat()} to {closes_at.isoformat()}",
        )
    return survey


def send_for_review(*, actor, survey: Survey, request: HttpRequest | None = None) -> Survey:
    """Ask the area's parent carer forum representatives to review the wording."""
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        if not survey.questions:
            raise ValidationError("Add at least one question before asking for a review.")
        if is_approved(survey):
            return survey
        survey.status = SurveyStatus.IN_REVIEW
        survey.save(update_fields=["status", "updated_at"])
        _audit(
            request, actor, survey, AuditAction.CHANGED, "sent to the parent carer forum for review"
        )
    return survey


def record_review(
    *,
    actor,
    survey: Survey,
    decision: str,
    comments: str,
    seen_fingerprint: str,
    request: HttpRequest | None = None,
) -> Review:
    """A forum representative approves the wording they saw, or asks for changes with comments."""
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        if survey.status != SurveyStatus.IN_REVIEW:
            raise ValidationError("This survey is not waiting for a review.")
        if seen_fingerprint != current_fingerprint(survey):
            raise ValidationError(
                "The survey changed while you were reading it. Read it again before deciding."
            )
        if decision == Decision.CHANGES_REQUESTED and not comments.strip():
            raise ValidationError({"comments": "Say what should change"})
        review = Review.objects.create(
            survey=survey,
            reviewer=actor,
            decision=decision,
            comments=comments,
            fingerprint=seen_fingerprint,
        )
        approved = decision == Decision.APPROVED
        survey.status = SurveyStatus.APPROVED if approved else SurveyStatus.CHANGES_REQUESTED
        survey.approved_fingerprint = seen_fingerprint if approved else ""
        survey.save(update_fields=["status", "approved_fingerprint", "updated_at"])
        _audit(
            request,
            actor,
            survey,
            AuditAction.CHANGED,
            "approved the wording" if approved else f"asked for changes: {comments[:200]}",
        )
    return review


def mark_promoted(
    *,
    actor,
    area: LocalArea,
    inspection_pk: int,
    channel: str,
    done: bool,
    request: HttpRequest | None = None,
) -> PromotionTask:
    """Record that the inspectors' survey was (or was not yet) promoted on one channel."""
    if channel not in CHANNELS:
        raise ValidationError("No such channel.")
    with transaction.atomic():
        task, _ = PromotionTask.objects.select_for_update().get_or_create(
            area=area, inspection_pk=inspection_pk, channel=channel
        )
        task.done_at = timezone.now() if done else None
        task.done_by = actor if done else None
        task.save()
        record(
            request,
            AuditAction.CHANGED,
            "survey_promotion",
            inspection_pk,
            area=area,
            user=actor,
            detail=f"{CHANNELS[channel]}: {'done' if done else 'not done'}",
        )
    return task


def record_export(*, actor, survey: Survey, kind: str, request: HttpRequest | None = None) -> None:
    """Audit a download of a survey's results (counts after suppression, and written answers)."""
    with transaction.atomic():
        _audit(request, actor, survey, AuditAction.EXPORTED, f"results as {kind}")


# Digests of used form tokens are kept this many days past the day they were used: a token older than
# SURVEY_FORM_MAX_AGE_SECONDS is refused anyway.
KEEP_USED_DAYS = 2
_last_forgotten: dt.date | None = None


def submit_answers(
    *, survey: Survey, answers: dict[str, Answer], digest: str, now: dt.datetime | None = None
) -> bool:
    """Store one family's answers with the day only; False (and nothing stored) when this form's
    token was already used, by a double click or a resent form. Anonymous: no actor, no audit entry."""
    today = london_day(now or timezone.now())
    _forget_old_tokens(today)
    try:
        with transaction.atomic():
            SubmittedForm.objects.create(digest=digest, used_on=today)
            Response.objects.create(survey=survey, submitted_on=today, answers=answers)
    except IntegrityError:
        return False
    return True


def _forget_old_tokens(today: dt.date) -> None:
    """Drop digests of tokens that can no longer be sent: each server process does it once a day."""
    global _last_forgotten
    if _last_forgotten != today:
        cutoff = today - dt.timedelta(days=KEEP_USED_DAYS)
        SubmittedForm.objects.filter(used_on__lt=cutoff).delete()
        _last_forgotten = today
