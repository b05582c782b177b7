"""Forms for choosing and naming tracked cases, and for the focused-sampling filters."""

import random
from typing import cast
from urllib.parse import urlencode

from django import forms

from sendready.cases.constants import Agency
from sendready.domain.cases.groups import load_groups
from sendready.domain.cases.mixes import MAX_CASES, MAX_SUBSTITUTES, list_mixes
from sendready.domain.person_level.schema import load_schema
from sendready.govuk_forms import GovukDateField
from sendready.stored_text import LineField, ParagraphField

IDS_LIMIT = 2000
# The same names as the person-level dashboard's filters, so its links open the same view here.
FILTER_FIELDS = {"need": "primary_need", "phase": "phase", "setting": "setting_type"}


ADJUSTABLE_COUNTS = ("size", "substitutes", "ehc_plan", "sen_support", "alternative_provision")


def _count(label: str, high: int, low: int) -> forms.IntegerField:
    """An optional whole number for adjusting a mix: blank keeps the mix's own."""
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=low,
        max_value=high,
        help_text="Leave blank to keep the mix's own.",
        error_messages={
            "invalid": f"Enter {label.lower()} as a whole number, for example 2",
            "min_value": f"Enter a number from {low} to {high}",
            "max_value": f"Enter a number from {low} to {high}",
        },
    )


def parse_ids(text: str) -> list[str]:
    """Person ids typed one a line or separated by commas, spaces or semicolons."""
    return [p for p in text.replace(",", " ").replace(";", " ").split() if p]


class SampleForm(forms.Form):
    mix = forms.ChoiceField(
        label="Case mix",
        widget=forms.RadioSelect,
        choices=lambda: [(m.name, m.title) for m in list_mixes()],
        error_messages={"required": "Select a case mix"},
    )
    seed = forms.IntegerField(
        label="Seed",
        min_value=0,
        max_value=2**31 - 1,
        help_text="The same seed and snapshot always give the same sample.",
        error_messages={
            "required": "Enter a seed, for example 2026",
            "invalid": "Enter the seed as a whole number, for example 2026",
            "min_value": "Enter a seed of 0 or more",
            "max_value": "Enter a seed below 2147483648",
        },
    )
    named_on = GovukDateField(
        label="Date the cases are named", error_messages={"required": "Enter the date"}
    )
    size = _count("Number of cases", MAX_CASES, 1)
    substitutes = _count("Number of substitutes", MAX_SUBSTITUTES, 0)
    ehc_plan = _count("How many with an EHC plan", MAX_CASES, 0)
    sen_support = _count("How many on SEN support", MAX_CASES, 0)
    alternative_provision = _count("At least how many in alternative provision", MAX_CASES, 0)
    cover = forms.MultipleChoiceField(
        label="Groups to cover",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=lambda: [(k, g.label[:1].upper() + g.label[1:]) for k, g in load_groups().items()],
        help_text="Tick none to keep the mix's own groups.",
    )
    for_inspection = forms.BooleanField(
        label="Mirror the current inspection: date the documents from its timeline",
        required=False,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mix"].initial = list_mixes()[0].name
        self.fields["seed"].initial = random.SystemRandom().randint(1, 9999)

    def mix_changes(self) -> dict:
        """The LANO's changes to the chosen mix (blank fields keep the mix's own)."""
        data = self.cleaned_data
        changes = {name: data.get(name) for name in ADJUSTABLE_COUNTS}
        changes["cover"] = data.get("cover") or None
        return {k: v for k, v in changes.items() if v is not None}


class NamedCasesForm(forms.Form):
    tracked_ids = ParagraphField(
        label="Person ids of the cases inspectors named",
        help_text="One a line, or separated by commas. Usually 6.",
        max_length=IDS_LIMIT,
    )
    substitute_ids = ParagraphField(
        label="Person ids of the substitutes (optional)",
        help_text="In case a family does not engage. One a line, or separated by commas.",
        max_length=IDS_LIMIT,
        required=False,
    )
    named_on = GovukDateField(
        label="Date inspectors named the cases", error_messages={"required": "Enter the date"}
    )
    for_inspection = forms.BooleanField(
        label="Named for the current inspection: date the documents from its timeline",
        required=False,
    )

    def tracked(self) -> list[str]:
        return parse_ids(self.cleaned_data["tracked_ids"])

    def substitutes(self) -> list[str]:
        return parse_ids(self.cleaned_data.get("substitute_ids") or "")


class DeclineForm(forms.Form):
    reason = LineField(
        label="Why the family declined or cannot take part",
        max_length=500,
        error_messages={"required": "Enter why the family declined or cannot take part"},
    )
    substitute = forms.TypedChoiceField(
        label="Substitute to track instead",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the substitute to track instead"},
    )

    def __init__(self, *args, substitutes=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["substitute"]).choices = [
            (s.pk, f"{s.person_id}: {', '.join(s.reasons)}") for s in substitutes
        ]


def _choices(column: str) -> list[tuple[str, str]]:
    return [("", "Any")] + [(code, f"{code}: {label}") for code, label in _labels(column)]


def _labels(column: str) -> list[tuple[str, str]]:
    allowed = load_schema()[column].allowed
    return [(code, load_schema()[column].label(code) or code) for code in allowed]


class CohortFilterForm(forms.Form):
    """The dashboard's filters: one need, phase or kind of setting."""

    need = forms.ChoiceField(
        label="Primary need", required=False, choices=lambda: _choices("primary_need")
    )
    phase = forms.ChoiceField(label="Phase", required=False, choices=lambda: _choices("phase"))
    setting = forms.ChoiceField(
        label="Setting", required=False, choices=lambda: _choices("setting_type")
    )

    def filters(self) -> dict[str, list[str]]:
        if not self.is_valid():
            return {}
        return {FILTER_FIELDS[k]: [v] for k, v in self.cleaned_data.items() if v}

    def query(self) -> str:
        if not self.is_valid():
            return ""
        return urlencode({k: v for k, v in self.cleaned_data.items() if v})


class TeamMemberForm(forms.Form):
    user = forms.TypedChoiceField(
        label="Person", coerce=int, error_messages={"required": "Select the person"}
    )
    role_title = LineField(
        label="Role in this case",
        max_length=120,
        help_text="For example: designated clinical officer, social worker, SENCO, "
        "educational psychologist, virtual school head",
        error_messages={"required": "Enter the person's role in this case"},
    )
    agency = forms.ChoiceField(
        label="Agency", choices=Agency.choices, error_messages={"required": "Select the agency"}
    )
    is_auditor = forms.BooleanField(
        label="Audits this case file (independently of the other auditors)", required=False
    )

    def __init__(self, *args, people=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["user"]).choices = [("", "Choose a person")] + [
            (u.pk, u.get_full_name() or u.get_username()) for u in people
        ]
