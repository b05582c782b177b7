"""Checking one family's answers against the survey's questions, before anything is stored.

Every problem is said in words a parent understands and tied to its question; an answer to a question
the survey does not have is ignored, an answer that is not one of the options is refused."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sendready.domain.surveys.bank import Kind, Question
from sendready.domain.text import clean_text

DEFAULT_MAX_CHARS = 2000
Answer = str | list[str]


@dataclass(frozen=True)
class AnswerCheck:
    """The answers ready to store (question key -> text or chosen options) and any problems."""

    answers: dict[str, Answer]
    errors: dict[str, str]

    @property
    def ok(self) -> bool:
        return not self.errors


def missing_message(question: Question) -> str:
    if question.kind is Kind.TEXT:
        return "Write an answer to this question"
    if question.kind is Kind.MULTIPLE:
        return "Select at least one answer"
    return "Select an answer"


def check_one(
    question: Question, values: Sequence[str], max_chars: int
) -> tuple[Answer | None, str]:
    """The stored form of one question's answer (None when unanswered), or a problem."""
    given = [v for v in values if v.strip()]
    if question.kind is Kind.TEXT:
        text = clean_text("\n".join(given)).strip() if given else ""
        if len(text) > max_chars:
            return None, (
                f"Your answer must be {max_chars:,} characters or fewer. "
                f"It has {len(text):,} characters."
            )
        return (text or None), ""
    unknown = [v for v in given if v not in question.options]
    if unknown:
        return None, f"Choose from the answers shown. “{unknown[0][:60]}” is not one of them."
    if question.one_answer and len(given) > 1:
        return None, "Select only one answer"
    if len(set(given)) != len(given):
        return None, "Select each answer only once"
    if not given:
        return None, ""
    return (given[0] if question.one_answer else sorted(given, key=question.options.index)), ""


def check_answers(
    questions: Sequence[Question],
    submitted: Mapping[str, Sequence[str]],
    max_chars: int = DEFAULT_MAX_CHARS,
) -> AnswerCheck:
    """Check every question's answer; `submitted` maps each question key to the values sent."""
    answers: dict[str, Answer] = {}
    errors: dict[str, str] = {}
    for question in questions:
        answer, problem = check_one(question, submitted.get(question.key, ()), max_chars)
        if problem:
            errors[question.key] = problem
        elif answer is None and not question.optional:
            errors[question.key] = missing_message(question)
        elif answer is not None:
            answers[question.key] = answer
    return AnswerCheck(answers=answers, errors=errors)
