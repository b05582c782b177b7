"""Forms for building a survey, its window, the forum's review and promotion."""

import datetime as dt
from typing import Any

from django import forms

from sendready.domain.surveys.bank import KIND_TITLES, Kind, Question, scales
from sendready.domain.surveys.schedule import london
from sendready.govuk_forms import GovukDateField
from sendready.stored_text import LineField, ParagraphField
from sendready.surveys.constants import Audience, Decision

TIME_ERRORS = {"invalid": "Enter the time as hours and minutes, for example 12:00"}


class NewSurveyForm(forms.Form):
    audience = forms.ChoiceField(
        label="Who is the survey for?",
        choices=Audience.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who the survey is for"},
    )
    from_bank = forms.ChoiceField(
        label="Start from the question bank?",
        choices=[("yes", "Yes, start with the bank's questions"), ("no", "No, start empty")],
        initial="yes",
        widget=forms.RadioSelect,
    )


class DetailsForm(forms.Form):
    title = LineField(label="Title", max_length=200, error_messages={"required": "Enter a title"})
    description = ParagraphField(
        label="Short description",
        max_length=1000,
        required=False,
        help_text="Who it is for, how long it takes, and that it is anonymous.",
    )
    easy_read = forms.BooleanField(
        label="Easy read: one question on each page, with large answers",
        required=False,
    )


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type of question",
        choices=[(k.value, t) for k, t in KIND_TITLES.items()],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the type of question"},
    )
    text = LineField(
        label="Question", max_length=300, error_messages={"required": "Enter the question"}
    )
    hint = LineField(label="Hint (optional)", max_length=300, required=False)
    options = ParagraphField(
        label="Answers to choose from",
        max_length=2000,
        required=False,
        help_text="One on each line. Not needed for a scale or free text.",
    )
    scale = forms.ChoiceField(
        label="Answer scale (for a scale question)",
        choices=[(k, " / ".join(v)) for k, v in scales().items()],
        required=False,
        widget=forms.RadioSelect,
    )
    optional = forms.BooleanField(label="People may skip this question", required=False)

    @classmethod
    def initial_for(cls, question: Question) -> dict[str, Any]:
        return {
            "kind": question.kind.value,
            "text": question.text,
            "hint": question.hint,
            "options": "\n".join(question.options) if question.kind is not Kind.SCALE else "",
            "scale": question.scale,
            "optional": question.optional,
        }

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "text": data["text"],
            "hint": data["hint"],
            "options": [
                line.strip() for line in (data["options"] or "").splitlines() if line.strip()
            ],
            "scale": data["scale"],
            "optional": data["optional"],
        }


class BankQuestionsForm(forms.Form):
    keys = forms.MultipleChoiceField(
        label="Questions from the bank",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one question"},
    )

    def __init__(self, *args: Any, available: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["keys"].choices = [(q.key, q.text) for q in available]  # type: ignore[attr-defined]


class WindowForm(forms.Form):
    opens_date = GovukDateField(
        label="Opens on", error_messages={"required": "Enter the day it opens"}
    )
    opens_time = forms.TimeField(
        label="Opens at", help_text="UK time, for example 12:00", error_messages=TIME_ERRORS
    )
    closes_date = GovukDateField(
        label="Closes on", error_messages={"required": "Enter the day it closes"}
    )
    closes_time = forms.TimeField(
        label="Closes at", help_text="UK time, for example 12:00", error_messages=TIME_ERRORS
    )

    def moments(self) -> tuple[dt.datetime, dt.datetime]:
        data = self.cleaned_data
        return london(data["opens_date"], data["opens_time"]), london(
            data["closes_date"], data["closes_time"]
        )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to approve the wording or ask for changes"},
    )
    comments = ParagraphField(
        label="Comments",
        max_length=5000,
        required=False,
        help_text="Needed when you ask for changes: say which question and what should change.",
    )
    fingerprint = LineField(widget=forms.HiddenInput, max_length=64)
