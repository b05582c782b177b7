"""Forms for preparing a case: an evidence item, a document, consent and the meeting."""

from typing import Any, cast

from django import forms

from sendready.cases.constants import Agency, ConsentMethod, ConsentStatus, EvidenceStatus
from sendready.govuk_forms import GovukDateField
from sendready.stored_text import LineField, ParagraphField


class CaseEvidenceForm(forms.Form):
    owner = forms.TypedChoiceField(label="Owner", required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label="Status", choices=EvidenceStatus.choices)
    due_on = GovukDateField(label="Due", error_messages={"required": "Enter the due date"})

    def __init__(self, *args: Any, owners: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["owner"]).choices = [("", "Nobody yet")] + [
            (u.pk, u.get_full_name() or u.get_username()) for u in owners
        ]


class DocumentForm(forms.Form):
    document = forms.FileField(
        label="Upload a document",
        error_messages={"required": "Choose a file to upload", "empty": "The file is empty"},
    )


class ConsentForm(forms.Form):
    consent_status = forms.ChoiceField(
        label="Consent",
        choices=ConsentStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether consent was given"},
    )
    consent_by = LineField(
        label="Who gave or refused consent",
        help_text="For example: mother, or the young person",
        max_length=120,
        required=False,
    )
    consent_on = GovukDateField(label="When", required=False)
    consent_method = forms.ChoiceField(
        label="How",
        choices=[("", "Choose how")] + list(ConsentMethod.choices),
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("consent_status") in (ConsentStatus.GIVEN, ConsentStatus.REFUSED):
            if not data.get("consent_by"):
                self.add_error("consent_by", "Enter who gave or refused consent")
            if not data.get("consent_on"):
                self.add_error("consent_on", "Enter when consent was given or refused")
            if not data.get("consent_method"):
                self.add_error("consent_method", "Select how consent was given or refused")
        return data


class MeetingForm(forms.Form):
    meeting_on = GovukDateField(
        label="Date", error_messages={"required": "Enter the date of the meeting"}
    )
    meeting_start = forms.TimeField(
        label="Start time",
        help_text="For example 10:30",
        error_messages={
            "required": "Enter the start time, for example 10:30",
            "invalid": "Enter the start time as hours and minutes, for example 10:30",
        },
    )
    meeting_end = forms.TimeField(
        label="End time",
        help_text="For example 11:30",
        error_messages={
            "required": "Enter the end time, for example 11:30",
            "invalid": "Enter the end time as hours and minutes, for example 11:30",
        },
    )
    meeting_where = LineField(label="Where, or the link to join", max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("meeting_start"), data.get("meeting_end")
        if start and end and end <= start:
            self.add_error("meeting_end", "The end time must be after the start time")
        return data


class PenPortraitForm(forms.Form):
    pen_portrait = ParagraphField(
        label="Pen portrait",
        required=False,
        max_length=8000,
        help_text="Who the child or young person is, what matters to them and their family, their "
        "needs and the support around them, in a few short paragraphs.",
    )


class ChronologyForm(forms.Form):
    happened_on = GovukDateField(
        label="When it happened", error_messages={"required": "Enter the date it happened"}
    )
    event = LineField(
        label="What happened",
        max_length=500,
        help_text="For example: EHC needs assessment requested by the school",
        error_messages={"required": "Enter what happened"},
    )
    agency = forms.ChoiceField(
        label="Agency (optional)", required=False, choices=[("", "Not given")] + Agency.choices
    )


class WithdrawAuditForm(forms.Form):
    reason = LineField(
        label="Why you are withdrawing your audit",
        max_length=500,
        help_text="For example: I graded the wrong section; new health advice arrived",
        error_messages={"required": "Enter why you are withdrawing your audit"},
    )
