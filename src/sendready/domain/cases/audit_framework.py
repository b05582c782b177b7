"""The case file audit framework as data: sections, graded judgements, and the weighted overall grade."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from sendready.domain.cases.groups import CasesDataError, load_json


class GradeError(ValueError):
    """A grade outside the scale (the message names the allowed grades)."""


@dataclass(frozen=True)
class Grade:
    key: str
    label: str
    score: int


@dataclass(frozen=True)
class AuditSection:
    key: str
    title: str
    plan_sections: tuple[str, ...]
    criteria: tuple[str, ...]
    guidance: str
    weight: float
    enabled: bool = True


@dataclass(frozen=True)
class AuditFramework:
    name: str
    grades: tuple[Grade, ...]
    sections: tuple[AuditSection, ...]
    thresholds: tuple[tuple[float, str], ...]
    limit_if_any_inadequate: str | None
    limit_note: str

    @property
    def active_sections(self) -> tuple[AuditSection, ...]:
        return tuple(s for s in self.sections if s.enabled and s.weight > 0)

    def grade(self, key: str) -> Grade:
        """The grade by key; GradeError if it is not on the scale."""
        for grade in self.grades:
            if grade.key == key:
                return grade
        allowed = ", ".join(g.label.lower() for g in self.grades)
        raise GradeError(f"{key!r} is not a grade on this scale. Use one of: {allowed}.")

    def section(self, key: str) -> AuditSection:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def adapted(self, changes: dict[str, dict[str, Any]]) -> AuditFramework:
        """The framework with an area's changes: per section `weight`, `guidance`, `enabled`; under
        "_overall", `limit_if_any_inadequate` (None removes the limiting rule)."""
        sections = []
        for section in self.sections:
            change = changes.get(section.key, {})
            sections.append(
                replace(
                    section,
                    weight=float(change.get("weight", section.weight)),
                    guidance=str(change.get("guidance") or section.guidance),
                    enabled=bool(change.get("enabled", section.enabled)),
                )
            )
        limit = changes.get("_overall", {}).get(
            "limit_if_any_inadequate", self.limit_if_any_inadequate
        )
        return replace(self, sections=tuple(sections), limit_if_any_inadequate=limit)

    def overall(self, grades: dict[str, str]) -> OverallGrade | None:
        """The weighted overall grade of section grades (keys of active sections); None if none."""
        scored = [(s, self.grade(grades[s.key])) for s in self.active_sections if grades.get(s.key)]
        if not scored:
            return None
        total = sum(s.weight for s, _ in scored)
        mean = sum(s.weight * g.score for s, g in scored) / total
        key = next(grade for at_least, grade in self.thresholds if mean >= at_least - 1e-9)
        limited = False
        cap = self.limit_if_any_inadequate
        inadequate = any(g.key == "inadequate" for _, g in scored)
        if cap and inadequate and self.grade(key).score > self.grade(cap).score:
            key, limited = cap, True
        missing = [s.title for s in self.active_sections if not grades.get(s.key)]
        return OverallGrade(self.grade(key), round(mean, 2), limited, missing)


@dataclass(frozen=True)
class OverallGrade:
    grade: Grade
    weighted_score: float
    limited: bool
    missing_sections: list[str]

    def explain(self, framework: AuditFramework) -> str:
        text = f"Weighted score {self.weighted_score:.2f} of 4: {self.grade.label.lower()}."
        if self.limited:
            text += " " + framework.limit_note
        if self.missing_sections:
            text += " Not yet graded: " + ", ".join(self.missing_sections) + "."
        return text


@cache
def load_audit_framework() -> AuditFramework:
    """The shipped framework (data/audit_framework.json)."""
    raw = load_json("audit_framework.json")
    grades = tuple(Grade(g["key"], g["label"], int(g["score"])) for g in raw["grades"])
    keys = {g.key for g in grades}
    thresholds = tuple((float(t["at_least"]), t["grade"]) for t in raw["overall"]["thresholds"])
    limit = raw["overall"].get("limit_if_any_inadequate")
    if any(g not in keys for _, g in thresholds) or (limit and limit not in keys):
        raise CasesDataError("audit framework: a threshold names an unknown grade")
    sections = tuple(
        AuditSection(
            s["key"],
            s["title"],
            tuple(s["plan_sections"]),
            tuple(s["criteria"]),
            s["guidance"],
            float(s["weight"]),
        )
        for s in raw["sections"]
    )
    return AuditFramework(
        raw["name"], grades, sections, thresholds, limit, raw["overall"].get("limit_note", "")
    )
