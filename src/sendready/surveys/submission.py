"""Taking a family's answers: whether the survey takes them now, and the identity-free rate limit
(`actions.submit_answers` stores them exactly once)."""

import datetime as dt
import time
from enum import StrEnum

from django.conf import settings
from django.utils import timezone

from sendready.domain.surveys.ratelimit import Buckets
from sendready.domain.surveys.schedule import WindowState, window_state
from sendready.surveys.models import Survey
from sendready.surveys.state import is_approved


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
