"""The form for one Annex A item: name, owner, when it is due, status and the document or link."""

from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model

from sendready.selfevaluation.constants import AnnexStatus
from sendready.selfevaluation.files import allowed_list, max_bytes
from sendready.selfevaluation.forms import member_choices
from sendready.stored_text import LineField, LinkField, ParagraphField


class AnnexItemForm(forms.Form):
    title = LineField(
        label="Item", max_length=200, error_messages={"required": "Enter the item's name"}
    )
    owner = forms.TypedChoiceField(label="Owner", required=False, coerce=int, empty_value=None)
    due_step = forms.ChoiceField(
        label="Due at this step of the inspection",
        error_messages={"required": "Choose when the item is due"},
    )
    status = forms.ChoiceField(label="Status", choices=AnnexStatus.choices)
    link = LinkField(
        label="Link (optional)",
        required=False,
        error_messages={"invalid": "Enter the link as a web address, starting https://"},
    )
    file = forms.FileField(label="Upload the document (optional)", required=False)
    notes = ParagraphField(label="Notes (optional)", required=False, max_length=2000)

    def __init__(self, *args: Any, area, steps: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["owner"]).choices = [
            ("", "Nobody yet")
        ] + member_choices(area)
        cast(forms.ChoiceField, self.fields["due_step"]).choices = steps
        self.fields[
            "file"
        ].help_text = f"{allowed_list()}; smaller than {max_bytes() / 1024 / 1024:,.0f} MB"

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        owner_id = data.get("owner")
        data["owner"] = get_user_model().objects.filter(pk=owner_id).first() if owner_id else None
        data.pop("file", None)
        return data


class AnnexProgressForm(forms.Form):
    """What an item's owner updates: its status, the document or link, and notes."""

    status = forms.ChoiceField(label="Status", choices=AnnexStatus.choices)
    link = LinkField(
        label="Link (optional)",
        required=False,
        error_messages={"invalid": "Enter the link as a web address, starting https://"},
    )
    file = forms.FileField(label="Upload the document (optional)", required=False)
    notes = ParagraphField(label="Notes (optional)", required=False, max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "file"
        ].help_text = f"{allowed_list()}; smaller than {max_bytes() / 1024 / 1024:,.0f} MB"
