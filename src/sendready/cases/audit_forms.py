"""Forms built from the audit framework: an auditor's grades, the moderation, the area's changes."""

from collections import Counter
from typing import Any

from django import forms

from sendready.domain.cases.audit_framework import AuditFramework
from sendready.stored_text import ParagraphField

TEXT_LIMIT = 4000


def _grade_field(framework: AuditFramework, title: str, required: bool) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=title,
        required=required,
        widget=forms.RadioSelect,
        choices=[(g.key, g.label) for g in framework.grades],
        error_messages={
            "required": f"Select a grade for {title.lower()}",
            "invalid_choice": "Select one of the grades on the scale",
        },
    )


class AuditForm(forms.Form):
    """One auditor's judgement of each section, with strengths and areas to develop."""

    def __init__(self, *args: Any, framework: AuditFramework, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.framework = framework
        for s in framework.active_sections:
            self.fields[f"{s.key}__grade"] = _grade_field(framework, s.title, False)
            self.fields[f"{s.key}__strengths"] = ParagraphField(
                label="Strengths", required=False, max_length=TEXT_LIMIT
            )
            self.fields[f"{s.key}__areas_to_develop"] = ParagraphField(
                label="Areas to develop", required=False, max_length=TEXT_LIMIT
            )

    def values(self) -> dict[str, dict[str, str]]:
        data = self.cleaned_data
        return {
            s.key: {
                "grade": data.get(f"{s.key}__grade") or "",
                "strengths": data.get(f"{s.key}__strengths") or "",
                "areas_to_develop": data.get(f"{s.key}__areas_to_develop") or "",
            }
            for s in self.framework.active_sections
        }

    @staticmethod
    def initial_from(audit) -> dict[str, str]:
        initial: dict[str, str] = {}
        for row in audit.grades.all() if audit else []:
            initial[f"{row.section}__grade"] = row.grade
            initial[f"{row.section}__strengths"] = row.strengths
            initial[f"{row.section}__areas_to_develop"] = row.areas_to_develop
        return initial


class ModerationForm(forms.Form):
    """The grade the auditors agreed for each section."""

    notes = ParagraphField(
        label="What the auditors discussed and why they agreed these grades",
        required=False,
        max_length=TEXT_LIMIT,
    )

    def __init__(self, *args: Any, framework: AuditFramework, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.framework = framework
        for s in framework.active_sections:
            self.fields[f"{s.key}__grade"] = _grade_field(framework, s.title, True)

    def agreed(self) -> dict[str, str]:
        return {s.key: self.cleaned_data[f"{s.key}__grade"] for s in self.framework.active_sections}

    @staticmethod
    def suggested(framework: AuditFramework, audits: list) -> dict[str, str]:
        """Start from the grade most auditors gave (the lower one on a tie: moderation is cautious)."""
        scores = {g.key: g.score for g in framework.grades}
        initial = {}
        for s in framework.active_sections:
            given = [
                r.grade for a in audits for r in a.grades.all() if r.section == s.key and r.grade
            ]
            if given:
                counts = Counter(given)
                initial[f"{s.key}__grade"] = max(counts, key=lambda g: (counts[g], -scores[g]))
        return initial


class FrameworkForm(forms.Form):
    """An area's changes: each section's weight, guidance and use; the limiting rule."""

    limit_rule = forms.BooleanField(
        label="A case with any section judged inadequate is graded no better than requires "
        "improvement overall",
        required=False,
    )

    def __init__(self, *args: Any, framework: AuditFramework, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.framework = framework
        for s in framework.sections:
            self.fields[f"{s.key}__weight"] = forms.DecimalField(
                label=f"Weight of {s.title.lower()}",
                min_value=0,
                max_value=10,
                decimal_places=1,
                error_messages={
                    "required": f"Enter a weight for {s.title.lower()} (0 to 10)",
                    "invalid": "Enter the weight as a number from 0 to 10, for example 2",
                    "min_value": "Enter a weight of 0 or more",
                    "max_value": "Enter a weight of 10 or less",
                    "max_decimal_places": "Use at most one decimal place",
                },
            )
            self.fields[f"{s.key}__guidance"] = ParagraphField(
                label=f"What good looks like: {s.title.lower()}", max_length=TEXT_LIMIT
            )
            self.fields[f"{s.key}__enabled"] = forms.BooleanField(
                label=f"Use {s.title.lower()} in audits", required=False
            )

    @staticmethod
    def initial_from(framework: AuditFramework) -> dict[str, Any]:
        initial: dict[str, Any] = {"limit_rule": framework.limit_if_any_inadequate is not None}
        for s in framework.sections:
            initial[f"{s.key}__weight"] = s.weight
            initial[f"{s.key}__guidance"] = s.guidance
            initial[f"{s.key}__enabled"] = s.enabled
        return initial

    def changes(self, default_limit: str | None) -> dict[str, dict[str, Any]]:
        data = self.cleaned_data
        out: dict[str, dict[str, Any]] = {
            s.key: {
                "weight": float(data[f"{s.key}__weight"]),
                "guidance": data[f"{s.key}__guidance"],
                "enabled": bool(data[f"{s.key}__enabled"]),
            }
            for s in self.framework.sections
        }
        out["_overall"] = {"limit_if_any_inadequate": default_limit if data["limit_rule"] else None}
        return out
