"""Test and demo helpers: an approved survey open now, and synthetic answers sent through the real
checks and storage."""

import datetime as dt
import random

from django.utils import timezone

from sendready.domain.surveys.answers import check_answers
from sendready.domain.surveys.bank import Kind, Question, questions_of
from sendready.surveys import actions, tokens
from sendready.surveys.actions import submit_answers
from sendready.surveys.models import Survey
from sendready.surveys.state import current_fingerprint

SAMPLE_TEXTS = [
    "More short breaks in the school holidays.",
    "Someone to call who knows our family.",
    "Quicker assessments.",
    "The forum helped us more than anyone.",
    "Speech and language therapy at school.",
    "Staff who understand autism.",
]


def open_survey(area, lano, pcf, audience: str = "parents_carers", days_open: int = 7) -> Survey:
    """A survey from the bank, approved by the forum, open from yesterday for `days_open` days."""
    survey = actions.create_survey(actor=lano, area=area, audience=audience)
    actions.send_for_review(actor=lano, survey=survey)
    actions.record_review(
        actor=pcf,
        survey=survey,
        decision="approved",
        comments="",
        seen_fingerprint=current_fingerprint(survey),
    )
    now = timezone.now()
    return actions.set_window(
        actor=lano,
        survey=survey,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=days_open),
    )


def synthetic_answers(question: Question, rng: random.Random) -> list[str]:
    if question.kind is Kind.TEXT:
        return [rng.choice(SAMPLE_TEXTS)] if rng.random() < 0.6 else []
    weights = [len(question.options) - i for i in range(len(question.options))]
    if question.kind is Kind.MULTIPLE:
        return sorted(set(rng.choices(question.options, weights=weights, k=rng.randint(1, 3))))
    return [rng.choices(question.options, weights=weights)[0]]


def answer_survey(survey: Survey, count: int, seed: int = 15) -> int:
    """Send `count` synthetic sets of answers through the same checks and storage families use."""
    rng = random.Random(seed)
    questions = questions_of(survey.questions)
    stored = 0
    for _ in range(count):
        submitted = {q.key: synthetic_answers(q, rng) for q in questions}
        check = check_answers(questions, submitted)
        digest = tokens.check(tokens.issue(survey.pk), survey.pk).digest
        stored += submit_answers(survey=survey, answers=check.answers, digest=digest)
    return stored
