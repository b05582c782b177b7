"""Forms for a step's real date and for the inspection's recorded outcome."""

import datetime as dt

from django import forms

from sendready.domain.inspection.frameworks import Framework, Step
from sendready.domain.inspection.outcomes import JUDGEMENTS
from sendready.govuk_forms import GovukDateField
from sendready.stored_text import ParagraphField

FINDINGS_LIMIT = 10_000  # a report's summary findings, pasted

REVISIT = "2016-revisit"


def date_names(step: Step) -> list[str]:
    """The names a step's real dates are stored under: KEY, or KEY_start and KEY_end for a window."""
    if step.end or step.duration is not None:
        return [f"{step.key}_start", f"{step.key}_end"]
    return [step.key]


class ActualDateForm(forms.Form):
    """The real date of one step (first and last day for a window); blank clears it."""

    def __init__(self, *args, step: Step, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        names = date_names(step)
        labels = ["First day", "Last day"] if len(names) == 2 else ["Real date"]
        for name, label in zip(names, labels, strict=True):
            self.fields[name] = GovukDateField(
                label=label,
                required=False,
                help_text="For example 12 5 2025. Leave blank to go back to the framework's date",
            )

    def dates(self) -> dict[str, dt.date | None]:
        return {name: self.cleaned_data.get(name) for name in self.fields}


class OutcomeForm(forms.Form):
    """What the report found, as the framework defines its outcomes."""

    report_date = GovukDateField(
        label="Date of the report or letter",
        help_text="The date it was published or, for a 2016 letter, received. "
        "For example 3 12 2025",
        error_messages={"required": "Enter the date of the report"},
    )

    def __init__(self, *args, framework: Framework, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["key"] = forms.ChoiceField(
            label="Outcome",
            widget=forms.RadioSelect,
            choices=[(o.key, o.title) for o in framework.outcomes],
            error_messages={
                "required": "Select the outcome",
                "invalid_choice": "Select an outcome from the list",
            },
        )
        self.order_fields(["key", "report_date"])
        counts = {c.name: c.label for o in framework.outcomes for c in o.counts}
        if framework.name == REVISIT:
            counts = {}
            self.fields["judgements"] = ParagraphField(
                label="Progress in each area of significant weakness",
                max_length=2000,
                required=False,
                help_text="One line per area, as numbered in the written statement "
                "of action: the number, then sufficient or insufficient. For example: 1 sufficient",
            )
        for name, label in counts.items():
            self.fields[name] = forms.IntegerField(
                label=f"{label} (number)",
                required=False,
                min_value=0,
                max_value=99,
                error_messages={
                    "invalid": "Enter a whole number, like 3",
                    "min_value": "Enter a number of 0 or more",
                    "max_value": "Enter a number of 99 or less",
                },
            )
        self.count_names = list(counts)
        self.fields["findings"] = ParagraphField(
            label="Findings (optional)", required=False, max_length=FINDINGS_LIMIT
        )

    def clean_judgements(self) -> dict[int, str]:
        judgements: dict[int, str] = {}
        for line_number, line in enumerate(self.cleaned_data.get("judgements", "").splitlines(), 1):
            parts = line.replace(",", " ").split()
            if not parts:
                continue
            if len(parts) != 2 or not parts[0].isdigit() or parts[1].lower() not in JUDGEMENTS:
                raise forms.ValidationError(
                    f"Line {line_number}: write the area's number then sufficient or insufficient, "
                    "for example 3 insufficient"
                )
            if int(parts[0]) in judgements:
                raise forms.ValidationError(f"Line {line_number}: area {parts[0]} is listed twice")
            judgements[int(parts[0])] = parts[1].lower()
        return judgements

    def counts(self) -> dict[str, int]:
        return {
            n: self.cleaned_data[n]
            for n in self.count_names
            if self.cleaned_data.get(n) is not None
        }
