"""The outcome self-assessment: the four things the outcome descriptors turn on."""

from typing import Any

from django import forms

from sendready.selfevaluation.evidence_forms import YES_NO
from sendready.stored_text import ParagraphField


def _yes_no(label: str, hint: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=hint,
        choices=YES_NO,
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": f"Answer yes or no: {label.lower()}"},
    )


class AssessmentForm(forms.Form):
    positive_experiences = _yes_no(
        "Are children and young people's experiences typically positive?",
        "Of their education, health and care",
    )
    strong_outcomes = _yes_no(
        "Are children and young people typically achieving strong outcomes?",
        "As the SEND code of practice describes them",
    )
    taking_action = _yes_no(
        "Has the partnership identified where it must improve, and is it taking effective action?",
        "",
    )
    priority_actions = forms.IntegerField(
        label="How many areas for priority action would an honest reading find?",
        help_text="Widespread or systemic failings with a significant negative impact; 0 if none",
        min_value=0,
        max_value=50,
        error_messages={
            "required": "Enter the number of areas for priority action, 0 if none",
            "invalid": "Enter the number of areas for priority action as a whole number, like 0 or 2",
            "min_value": "The number of areas for priority action cannot be below 0",
            "max_value": "Enter at most 50 areas for priority action",
        },
    )
    assessment_rationale = ParagraphField(
        label="Rationale",
        required=False,
        max_length=4000,
        help_text="Why the area reads itself this way",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("positive_experiences", "strong_outcomes", "taking_action"):
            value = self.initial.get(name)
            if isinstance(value, bool):
                self.initial[name] = "yes" if value else "no"
