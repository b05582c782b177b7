"""Taking a family's answers: whether the survey takes them now, the identity-free rate limit, and
storing them exactly once."""

import datetime as dt
import time
from enum import StrEnum

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from sendready.domain.surveys.answers import Answer
from sendready.domain.surveys.ratelimit import Buckets
from sendready.domain.surveys.schedule import WindowState, london_day, window_state
from sendready.surveys.actions import is_approved
from sendready.surveys.models import Response, SubmittedForm, Survey

# Digests of used tokens are kept this many days past the day they were used: a token older than
# SURVEY_FORM_MAX_AGE_SECONDS is refused anyway.
KEEP_USED_DAYS = 2


class Availability(StrEnum):
    OPEN = "open"
    UNAPPROVED = "unapproved"
    NO_DATES = "no_dates"
    NOT_YET_OPEN = "not_yet_open"
    CLOSED = "closed"


def availability(survey: Survey, now: dt.datetime | None = None) -> Availability:
    """Whether the survey takes answers now, and if not, why not."""
    if not is_approved(survey):
        return Availability.UNAPPROVED
    state = window_state(survey.opens_at, survey.closes_at, now or timezone.now())
    return {
        WindowState.NOT_SET: Availability.NO_DATES,
        WindowState.NOT_YET_OPEN: Availability.NOT_YET_OPEN,
        WindowState.OPEN: Availability.OPEN,
        WindowState.CLOSED: Availability.CLOSED,
    }[state]


_buckets: Buckets | None = None


def wait_before_next(survey: Survey) -> float:
    """0 when this survey may take another answer now; otherwise the seconds to wait. One bucket per
    survey for everyone, so nothing about who is sending is needed or kept."""
    global _buckets
    rate, burst = settings.SURVEY_SUBMISSIONS_PER_SECOND, settings.SURVEY_SUBMISSION_BURST
    if _buckets is None or (_buckets.rate, _buckets.burst) != (rate, burst):
        _buckets = Buckets(rate=rate, burst=burst)
    return _buckets.take(survey.pk, time.monotonic())


def submit_answers(
    *, survey: Survey, answers: dict[str, Answer], digest: str, now: dt.datetime | None = None
) -> bool:
    """Store one set of answers with the day only; False (and nothing stored) when this form's token
    was already used, by a double click or a resent form."""
    today = london_day(now or timezone.now())
    _forget_once_a_day(today)
    try:
        with transaction.atomic():
            SubmittedForm.objects.create(digest=digest, used_on=today)
            Response.objects.create(survey=survey, submitted_on=today, answers=answers)
    except IntegrityError:
        return False
    return True


_last_forgotten: dt.date | None = None


def _forget_once_a_day(today: dt.date) -> None:
    global _last_forgotten
    if _last_forgotten != today:
        forget_old_tokens(today)
        _last_forgotten = today


def forget_old_tokens(today: dt.date) -> int:
    """Drop digests of tokens that can no longer be sent (each server process does it once a day)."""
    cutoff = today - dt.timedelta(days=KEEP_USED_DAYS)
    deleted, _ = SubmittedForm.objects.filter(used_on__lt=cutoff).delete()
    return deleted
