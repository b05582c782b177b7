"""Counting a survey's answers, with small-number suppression so that no family can be identified.

Rules (threshold N, default 5):
- a group (the whole survey, or one question's answers) of fewer than N is shown as "fewer than N" and
  none of its counts, percentages or written answers are shown;
- a count from 1 to N-1 is shown as "fewer than N" (0 identifies nobody and is shown);
- in a question with one answer each, a single hidden count could be worked out by subtraction from the
  total, so the next smallest count is hidden too, shown as "withheld".
Written answers are listed in alphabetical order, never in the order they arrived.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sendready.domain.surveys.bank import Kind, Question

DEFAULT_THRESHOLD = 5
WITHHELD = "withheld"


def fewer_than(threshold: int) -> str:
    return f"fewer than {threshold}"


@dataclass(frozen=True)
class Cell:
    """One option's count; `shown` is what may be printed (a number or words)."""

    label: str
    count: int
    shown: int | str
    percent: float | None  # of those who answered the question; None when hidden

    @property
    def hidden(self) -> bool:
        return not isinstance(self.shown, int)

    @property
    def percent_text(self) -> str:
        return "" if self.percent is None else f"{self.percent:.0f}%"


@dataclass(frozen=True)
class QuestionResult:
    key: str
    text: str
    kind: Kind
    answered: int
    answered_shown: int | str
    cells: list[Cell] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    @property
    def suppressed(self) -> bool:
        return not isinstance(self.answered_shown, int)

    def counts(self) -> dict[str, int | str]:
        """Each option's count after suppression (the `counts` of `sendready survey-results`)."""
        return {c.label: c.shown for c in self.cells}


@dataclass(frozen=True)
class SurveyResults:
    responses: int
    responses_shown: int | str
    threshold: int
    questions: list[QuestionResult]

    @property
    def suppressed(self) -> bool:
        return not isinstance(self.responses_shown, int)


def _shown(n: int, threshold: int) -> int | str:
    return n if n == 0 or n >= threshold else fewer_than(threshold)


def _cells(question: Question, tally: Counter[str], answered: int, threshold: int) -> list[Cell]:
    shown: dict[str, int | str] = {o: _shown(tally[o], threshold) for o in question.options}
    hidden = [o for o, s in shown.items() if not isinstance(s, int)]
    if question.one_answer and len(hidden) == 1:
        others = [o for o in question.options if isinstance(shown[o], int) and tally[o] > 0]
        if others:
            shown[min(others, key=lambda o: (tally[o], question.options.index(o)))] = WITHHELD
    return [
        Cell(
            label=o,
            count=tally[o],
            shown=shown[o],
            percent=(100.0 * tally[o] / answered)
            if isinstance(shown[o], int) and answered
            else None,
        )
        for o in question.options
    ]


def _hidden_cells(question: Question, threshold: int) -> list[Cell]:
    return [Cell(o, 0, fewer_than(threshold), None) for o in question.options]


def question_result(
    question: Question, answers: Sequence[Mapping[str, object]], threshold: int, group_hidden: bool
) -> QuestionResult:
    """One question's counts (or written answers) over every response given."""
    given = [a[question.key] for a in answers if a.get(question.key) not in (None, "", [])]
    answered = len(given)
    hidden = group_hidden or (0 < answered < threshold)
    answered_shown = fewer_than(threshold) if group_hidden else _shown(answered, threshold)
    if question.kind is Kind.TEXT:
        texts = [] if hidden else sorted((str(t) for t in given), key=str.casefold)
        return QuestionResult(
            question.key, question.text, question.kind, answered, answered_shown, texts=texts
        )
    tally: Counter[str] = Counter()
    for value in given:
        tally.update([value] if isinstance(value, str) else list(value))  # type: ignore[call-overload]
    cells = (
        _hidden_cells(question, threshold)
        if hidden
        else _cells(question, tally, answered, threshold)
    )
    return QuestionResult(
        question.key, question.text, question.kind, answered, answered_shown, cells
    )


def tally(
    questions: Sequence[Question],
    answers: Sequence[Mapping[str, object]],
    threshold: int = DEFAULT_THRESHOLD,
) -> SurveyResults:
    """Counts and percentages per question after suppression, over every stored response."""
    total = len(answers)
    group_hidden = 0 < total < threshold
    return SurveyResults(
        responses=total,
        responses_shown=fewer_than(threshold) if group_hidden else total,
        threshold=threshold,
        questions=[question_result(q, answers, threshold, group_hidden) for q in questions],
    )


def as_json(results: SurveyResults) -> dict[str, object]:
    """The results as `sendready survey-results --format json` prints them (after suppression)."""
    return {
        "responses": results.responses_shown,
        "threshold": results.threshold,
        "questions": [
            {
                "key": q.key,
                "text": q.text,
                "kind": q.kind.value,
                "responses": q.answered_shown,
                "counts": q.counts(),
                "percentages": {
                    c.label: (None if c.percent is None else round(c.percent, 1)) for c in q.cells
                },
                "answers": q.texts,
            }
            for q in results.questions
        ],
    }
