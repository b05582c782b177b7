"""Forms for requests, answers, reviews, pasted lists and inspectors' access."""

import datetime as dt
from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.utils import timezone

from sendready.domain.requests.due import at_london, london
from sendready.domain.requests.files import allowed_names
from sendready.govuk_forms import GovukDateField
from sendready.inspection_requests.constants import Organisation, RequestState, Strand
from sendready.inspection_requests.related import RelatedChoices
from sendready.stored_text import EmailAddressField, LineField, LinkField, ParagraphField

TEXT_LIMIT = 4000
TIME_ERRORS = {
    "required": "Enter the due time, for example 12:00",
    "invalid": "Enter the due time as hours and minutes, for example 12:00",
}


def _owner_choices(owners: Iterable[Any]) -> list[tuple[str, str]]:
    return [("", "Nobody yet")] + [
        (str(u.pk), u.get_full_name() or u.get_username()) for u in owners
    ]


class DueFields(forms.Form):
    """When inspectors asked and when the answer is due, both London time."""

    due_date = GovukDateField(label="Due date", error_messages={"required": "Enter the due date"})
    due_time = forms.TimeField(
        label="Due time", help_text="London time, for example 12:00", error_messages=TIME_ERRORS
    )
    asked_date = GovukDateField(
        label="Date inspectors asked", required=False, help_text="Leave blank for today"
    )
    asked_time = forms.TimeField(
        label="Time inspectors asked",
        required=False,
        help_text="London time; leave blank for now",
        error_messages={"invalid": "Enter the time as hours and minutes, for example 09:30"},
    )
    asked_by = LineField(
        label="Asked by",
        required=False,
        max_length=120,
        help_text="For example: Lead HMI, CQC inspector",
    )
    owner = forms.ChoiceField(label="Owner", required=False)
    organisation = forms.ChoiceField(
        label="Owner's organisation",
        required=False,
        choices=[("", "Not recorded"), *Organisation.choices],
    )
    strand = forms.ChoiceField(
        label="Education, health or care",
        required=False,
        choices=[("", "Not said"), *Strand.choices],
    )

    def __init__(
        self, *args: Any, owners: Iterable[Any] = (), now: dt.datetime | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.owners = {str(u.pk): u for u in owners}
        cast(forms.ChoiceField, self.fields["owner"]).choices = _owner_choices(self.owners.values())
        self.now = now

    def moments(self) -> tuple[dt.datetime, dt.datetime]:
        """(asked at, due at), as aware datetimes; a blank asked date means now."""
        data = self.cleaned_data
        local_now = london(self.now or timezone.now()).replace(second=0, microsecond=0)
        if data.get("asked_date"):
            asked = at_london(data["asked_date"], data.get("asked_time") or dt.time(9))
        else:
            asked = at_london(local_now.date(), data.get("asked_time") or local_now.time())
        return asked, at_london(data["due_date"], data["due_time"])

    def chosen_owner(self) -> Any:
        return self.owners.get(self.cleaned_data.get("owner") or "")


class RequestForm(DueFields):
    title = LineField(
        label="What inspectors asked for",
        max_length=200,
        error_messages={"required": "Enter what inspectors asked for"},
    )
    details = ParagraphField(
        label="Details",
        required=False,
        max_length=TEXT_LIMIT,
        help_text="Anything else they said: format, which cases, who to send it to",
    )
    criterion = forms.ChoiceField(
        label="Related evaluation criterion",
        required=False,
        error_messages={"invalid_choice": "Choose one of the evaluation criteria from the list"},
    )
    tracked_case = forms.ChoiceField(
        label="Related tracked case",
        required=False,
        help_text="The area's tracked cases; those named for this inspection come first",
        error_messages={"invalid_choice": "Choose one of the area's tracked cases from the list"},
    )

    def __init__(self, *args: Any, related: RelatedChoices | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        related = related or RelatedChoices([], [])
        cast(forms.ChoiceField, self.fields["criterion"]).choices = [
            ("", "None"),
            *related.criteria,
        ]
        cast(forms.ChoiceField, self.fields["tracked_case"]).choices = [
            ("", "None"),
            *related.cases,
        ]

    field_order = [
        "title",
        "details",
        "criterion",
        "tracked_case",
        "asked_by",
        "asked_date",
        "asked_time",
        "due_date",
        "due_time",
        "owner",
        "organisation",
        "strand",
    ]


class PasteForm(DueFields):
    lines = ParagraphField(
        label="Requests, one per line",
        max_length=40_000,
        help_text="Paste the list from the inspectors' email. Bullets and numbers are removed; blank lines are skipped.",
        error_messages={"required": "Paste at least one request, one per line"},
    )
    field_order = [
        "lines",
        "asked_by",
        "asked_date",
        "asked_time",
        "due_date",
        "due_time",
        "owner",
        "organisation",
        "strand",
    ]


class AnswerForm(forms.Form):
    answer = ParagraphField(
        label="Written answer",
        required=False,
        max_length=TEXT_LIMIT,
        help_text="What inspectors should read with the files, or the answer itself",
    )
    link = LinkField(
        label="Link",
        required=False,
        help_text="Where the evidence is, if it is online (for example the Local Offer page)",
        error_messages={"invalid": "Enter the link as a web address, starting https://"},
    )


class FileForm(forms.Form):
    file = forms.FileField(
        label="Add a file",
        help_text=f"{allowed_names()}",
        error_messages={"required": "Choose a file to add", "empty": "The file you chose is empty"},
    )


class RequestCommentForm(forms.Form):
    text = ParagraphField(
        label="Comment", max_length=TEXT_LIMIT, error_messages={"required": "Enter a comment"}
    )


class MoveForm(forms.Form):
    target = forms.ChoiceField(choices=RequestState.choices, widget=forms.HiddenInput)
    note = ParagraphField(
        label="Release note (optional)",
        required=False,
        max_length=1000,
        help_text="Kept with the released version: what was checked, or what inspectors should know",
    )


class AccessForm(forms.Form):
    name = LineField(
        label="Inspector's name",
        max_length=120,
        error_messages={"required": "Enter the inspector's name"},
    )
    role = LineField(
        label="Role in the inspection team",
        required=False,
        max_length=120,
        help_text="For example: Lead HMI, CQC children's services inspector",
    )
    username = LineField(
        label="Username for signing in",
        max_length=150,
        error_messages={"required": "Enter a username"},
    )
    email = EmailAddressField(
        label="Email address",
        help_text="We email the inspector a link to choose their own password",
        error_messages={
            "required": "Enter the inspector's email address: we email them how to sign in",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    first_day = GovukDateField(
        label="First day of access",
        required=False,
        help_text="Leave blank to start on the day of notification",
    )
    last_day = GovukDateField(
        label="Last day of access",
        required=False,
        help_text="Leave blank to follow the inspection: the framework's number of working days after its last on-site day, even if those dates move",
    )

    def clean_username(self) -> str:
        value = self.cleaned_data["username"]
        if not all(c.isalnum() or c in "@.+-_" for c in value):
            raise forms.ValidationError("A username can have only letters, numbers and @ . + - _")
        return value
