"""Improvement plans after an area SEND inspection: plan types, due dates, RAG and re-visit follow-ups.

Plain Python driven by data/plans.json; dates come from the inspection timelines (follow_ups).
"""

from sendready.domain.plans.rules import (
    PLAN_DATA,
    Action,
    Measure,
    PlanType,
    plan_due,
    plan_type,
    plan_type_for_outcome,
    rag,
    rag_text,
    revisit_follow_ups,
)

__all__ = [
    "PLAN_DATA",
    "Action",
    "Measure",
    "PlanType",
    "plan_due",
    "plan_type",
    "plan_type_for_outcome",
    "rag",
    "rag_text",
    "revisit_follow_ups",
]
