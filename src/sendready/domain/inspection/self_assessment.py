"""The area's own reading of where its self-evaluation points on the framework's outcome scale.

Never a prediction of inspectors' judgement: the rules are the criteria file's reading of the outcome
descriptors, and the follow-ups are dated by the same rules as a recorded outcome (outcomes.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sendready.domain.inspection.criteria import CriteriaSet, OutcomeRule
from sendready.domain.inspection.frameworks import load_framework
from sendready.domain.inspection.outcomes import (
    FollowUp,
    OutcomeError,
    RecordedOutcome,
    check_outcome,
    follow_ups,
)

LABEL = (
    "The area's own reading of its self-evaluation under the framework's rules, not a prediction "
    "of the inspectors' judgement."
)
PRIORITY_COUNT = "priority_action_areas"


@dataclass(frozen=True)
class Answers:
    """The four things the outcome descriptors turn on, as the area answers them."""

    positive_experiences: bool
    strong_outcomes: bool
    taking_action: bool
    priority_actions: int

    def as_dict(self) -> dict[str, bool | int]:
        return {
            "positive_experiences": self.positive_experiences,
            "strong_outcomes": self.strong_outcomes,
            "taking_action": self.taking_action,
            "priority_actions": self.priority_actions,
        }


@dataclass(frozen=True)
class SelfAssessment:
    """The outcome the answers point to, why, and what would follow from a report on `report_date`."""

    outcome: str
    title: str
    reason: str
    answers: Answers
    report_date: dt.date
    follow_ups: tuple[FollowUp, ...]
    label: str = LABEL

    def as_dict(self) -> dict:
        """JSON-ready values (the `sendready outcome` contract: `outcome`, `follow_ups`)."""
        return {
            "outcome": self.outcome,
            "outcome_title": self.title,
            "reason": self.reason,
            "answers": self.answers.as_dict(),
            "report_date": self.report_date.isoformat(),
            "follow_ups": [f.as_dict() for f in self.follow_ups],
            "label": self.label,
        }


def _matches(rule: OutcomeRule, answers: Answers) -> bool:
    values = answers.as_dict()
    for name, wanted in rule.when.items():
        if name == "priority_actions_at_least":
            if answers.priority_actions < int(wanted):
                return False
        elif values[name] != wanted:
            return False
    return True


def assess(criteria: CriteriaSet, answers: Answers, report_date: dt.date) -> SelfAssessment:
    """Apply the criteria's outcome rules in order; check and date the result like a recorded outcome."""
    if answers.priority_actions < 0:
        raise OutcomeError(
            "Areas for priority action must be a whole number of 0 or more.",
            field="priority_actions",
        )
    rule = next(r for r in criteria.outcome_rules if _matches(r, answers))
    checked = check_outcome(
        criteria.framework,
        RecordedOutcome(rule.outcome, report_date, {PRIORITY_COUNT: answers.priority_actions}),
    )
    option = load_framework(criteria.framework).outcome(checked.key)
    dated = follow_ups(criteria.framework, checked.key, report_date)
    return SelfAssessment(
        outcome=checked.key,
        title=option.title,
        reason=rule.reason,
        answers=answers,
        report_date=report_date,
        follow_ups=tuple(dated),
    )


@dataclass(frozen=True)
class Suggestion:
    """Answers read from the criteria's positions, and the criteria still without one."""

    answers: Answers
    unrated: tuple[str, ...]


def suggest_answers(criteria: CriteriaSet, positions: Mapping[str, str]) -> Suggestion:
    """Answers the per-criterion positions imply: every criterion a part informs must be positive,
    and each criterion placed at the lowest outcome counts as a possible area for priority action."""
    lowest = load_framework(criteria.framework).outcomes[-1].key
    best = load_framework(criteria.framework).outcomes[0].key

    def all_best(part: str) -> bool:
        keys = [c.key for c in criteria.criteria if c.informs == part]
        return bool(keys) and all(positions.get(k) == best for k in keys)

    return Suggestion(
        answers=Answers(
            positive_experiences=all_best("experiences"),
            strong_outcomes=all_best("outcomes"),
            taking_action=all_best("action"),
            priority_actions=sum(1 for c in criteria.criteria if positions.get(c.key) == lowest),
        ),
        unrated=tuple(c.key for c in criteria.criteria if not positions.get(c.key)),
    )
