"""Forms for the evidence log: an item with a link or file, and pinning a person-level indicator."""

import datetime as dt
from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model

from sendready.domain.inspection.criteria import CriteriaSet
from sendready.govuk_forms import GovukDateField
from sendready.selfevaluation.files import allowed_list, max_bytes
from sendready.selfevaluation.forms import member_choices
from sendready.stored_text import LineField, LinkField, ParagraphField

YES_NO = [("yes", "Yes"), ("no", "No")]


class _Shared(forms.Form):
    criteria = forms.MultipleChoiceField(
        label="Which criteria does it support?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one criterion this evidence supports"},
    )
    review_by = GovukDateField(
        label="Review by (optional)",
        required=False,
        help_text="When someone should check it is still true, for example 31 3 2026",
    )
    owner = forms.TypedChoiceField(label="Owner", required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, area, criteria: CriteriaSet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["criteria"]).choices = [
            (c.key, f"{c.number}. {c.text}") for c in criteria.criteria
        ]
        cast(forms.ChoiceField, self.fields["owner"]).choices = [
            ("", "Nobody yet")
        ] + member_choices(area)

    def values(self) -> dict[str, Any]:
        """The cleaned values with the owner as a person, as the actions take them."""
        data = dict(self.cleaned_data)
        owner_id = data.get("owner")
        data["owner"] = get_user_model().objects.filter(pk=owner_id).first() if owner_id else None
        return data


class EvidenceForm(_Shared):
    kind = forms.ChoiceField(
        label="Type of evidence",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the type of evidence"},
    )
    title = LineField(label="Title", max_length=200, error_messages={"required": "Enter a title"})
    summary = ParagraphField(
        label="Summary", required=False, max_length=4000, help_text="What it shows, in a few lines"
    )
    evidence_date = GovukDateField(
        label="Date of the evidence",
        help_text="When it was gathered or published, for example 14 7 2025",
        error_messages={"required": "Enter the date of the evidence"},
    )
    co_produced = forms.ChoiceField(
        label="Was it co-produced with children, young people or families?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether it was co-produced with families"},
    )
    link = LinkField(
        label="Link (optional if you upload a file)",
        required=False,
        error_messages={"invalid": "Enter the link as a web address, starting https://"},
    )
    file = forms.FileField(label="Upload a file (optional if you give a link)", required=False)
    field_order = [
        "kind",
        "title",
        "summary",
        "evidence_date",
        "review_by",
        "owner",
        "co_produced",
        "criteria",
        "link",
        "file",
    ]

    def __init__(self, *args: Any, criteria: CriteriaSet, **kwargs: Any) -> None:
        super().__init__(*args, criteria=criteria, **kwargs)
        cast(forms.ChoiceField, self.fields["kind"]).choices = [
            (t.key, t.title) for t in criteria.evidence_types
        ]
        self.fields[
            "file"
        ].help_text = f"{allowed_list()}; smaller than {max_bytes() / 1024 / 1024:,.0f} MB"

    def values(self) -> dict[str, Any]:
        data = super().values()
        data["co_produced"] = data.get("co_produced") == "yes"
        data.pop("file", None)
        return data


class PinForm(_Shared):
    indicator = forms.ChoiceField(
        label="Indicator",
        error_messages={
            "required": "Choose an indicator",
            "invalid_choice": "Choose an indicator from the list",
        },
    )
    title = LineField(
        label="Title (optional)",
        required=False,
        max_length=200,
        help_text="Leave blank to use the indicator's name",
    )
    compare_from = forms.TypedChoiceField(
        label="Keep its value as in the snapshot of",
        coerce=dt.date.fromisoformat,
        required=False,
        empty_value=None,
        help_text="The figure the evidence compares with the newest snapshot",
        error_messages={"invalid_choice": "Choose a snapshot from the list"},
    )
    summary = ParagraphField(label="What it shows (optional)", required=False, max_length=4000)
    field_order = [
        "indicator",
        "compare_from",
        "title",
        "summary",
        "criteria",
        "review_by",
        "owner",
    ]

    def __init__(
        self,
        *args: Any,
        indicators: list[tuple[str, str]],
        snapshot_dates: list[dt.date],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["indicator"]).choices = [
            ("", "Choose an indicator")
        ] + indicators
        cast(forms.ChoiceField, self.fields["compare_from"]).choices = [
            (d.isoformat(), f"{d.day} {d:%B %Y}" + (" (newest)" if n == 0 else ""))
            for n, d in enumerate(snapshot_dates)
        ]
        if snapshot_dates and not self.initial.get("compare_from"):
            self.initial["compare_from"] = snapshot_dates[0].isoformat()


class FindingForm(_Shared):
    """Pin a finding another part of the service offers (its choices are "source:key")."""

    finding = forms.ChoiceField(
        label="Finding",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a finding",
            "invalid_choice": "Choose a finding from the list",
        },
    )
    title = LineField(
        label="Title (optional)",
        required=False,
        max_length=200,
        help_text="Leave blank to use the finding's name",
    )
    summary = ParagraphField(
        label="What it shows (optional)",
        required=False,
        max_length=4000,
        help_text="Leave blank to use the finding's own summary",
    )
    field_order = ["finding", "title", "summary", "criteria", "review_by", "owner"]

    def __init__(self, *args: Any, findings: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["finding"]).choices = findings
