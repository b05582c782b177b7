"""Forms for plans. Required values are checked by the actions, so the words are the same everywhere."""

from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model

from sendready.areas.models import Membership
from sendready.domain.person_level.indicators import definitions
from sendready.govuk_forms import GovukDateField
from sendready.plans.constants import PLAN_TYPES, ActionStatus, Progress, ResponsibleBody
from sendready.stored_text import LineField, LinkField, ParagraphField

YES_NO = [("yes", "Yes"), ("no", "No")]


def _set_choices(form: forms.Form, name: str, choices: list[tuple[Any, str]]) -> None:
    cast(forms.ChoiceField, form.fields[name]).choices = choices


def member_choices(area) -> list[tuple[Any, str]]:
    members = Membership.objects.filter(area=area).select_related("user").order_by("user__username")
    return [
        (m.user_id, f"{m.user.get_full_name() or m.user.get_username()} ({m.get_role_display()})")
        for m in members
    ]


def inspection_choices(inspections) -> list[tuple[Any, str]]:
    return [("", "None")] + [(i.pk, str(i)) for i in inspections]


class PlanForm(forms.Form):
    plan_type = forms.ChoiceField(
        label="Type of plan",
        choices=PLAN_TYPES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the type of plan"},
    )
    title = LineField(label="Title (optional)", required=False, max_length=200)
    inspection = forms.TypedChoiceField(
        label="Inspection it answers (optional)", required=False, coerce=int, empty_value=None
    )
    report_date = GovukDateField(
        label="Date of the report or letter (optional)",
        required=False,
        help_text="The due date is worked out from it where the framework fixes one, "
        "for example 1 3 2019",
    )
    areas = forms.IntegerField(
        label="How many areas does the plan start with?", min_value=0, max_value=40, initial=0
    )

    def __init__(self, *args: Any, inspections, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(self, "inspection", inspection_choices(inspections))


class AreaForm(forms.Form):
    title = LineField(label="Title, as the report words it", required=False, max_length=300)
    description = ParagraphField(label="Description (optional)", required=False, max_length=4000)
    responsible_body = forms.ChoiceField(
        label="Who does the report hold responsible?",
        choices=ResponsibleBody.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    provider_name = LineField(
        label="Provider's name (if a named provider)", required=False, max_length=200
    )


class ActionForm(forms.Form):
    title = LineField(label="What will be done", required=False, max_length=300)
    owner = forms.TypedChoiceField(label="Owner", required=False, coerce=int, empty_value=None)
    start_date = GovukDateField(label="Start date (optional)", required=False)
    due_date = GovukDateField(label="Due date", required=False, help_text="For example 31 3 2026")
    status = forms.ChoiceField(
        label="Status", choices=ActionStatus.choices, widget=forms.RadioSelect, required=False
    )

    def __init__(self, *args: Any, area, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(self, "owner", [("", "Choose a person")] + member_choices(area))

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        owner_id = data.get("owner")
        data["owner"] = get_user_model().objects.filter(pk=owner_id).first() if owner_id else None
        data["status"] = data.get("status") or ActionStatus.NOT_STARTED
        return data


class UpdateForm(forms.Form):
    date = GovukDateField(label="Date of the update", required=False)
    note = ParagraphField(label="What has happened", required=False, max_length=4000)
    evidence_url = LinkField(
        label="Link to the evidence (optional)",
        required=False,
        max_length=500,
        error_messages={"invalid": "Enter the link as a web address, starting https://"},
    )


class MeasureForm(forms.Form):
    name = LineField(label="What the measure counts", required=False, max_length=300)
    baseline = forms.FloatField(
        label="Baseline",
        required=False,
        help_text="The value when the plan started",
        error_messages={"invalid": "Enter the baseline as a number, like 42 or 61.5"},
    )
    target = forms.FloatField(
        label="Target",
        required=False,
        error_messages={"invalid": "Enter the target as a number, like 42 or 61.5"},
    )
    current = forms.FloatField(
        label="Current value (optional)",
        required=False,
        help_text="Leave empty if it follows an indicator below",
        error_messages={"invalid": "Enter the current value as a number, like 42 or 61.5"},
    )
    lower_is_better = forms.ChoiceField(
        label="Is a lower number better?", choices=YES_NO, widget=forms.RadioSelect, initial="no"
    )
    indicator_id = forms.ChoiceField(
        label="Follow a person-level indicator (optional)",
        required=False,
        help_text="The current value then comes from the newest data upload",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(
            self,
            "indicator_id",
            [("", "None: I will enter the current value")]
            + [(k, str(d.get("title", k))) for k, d in definitions().items() if k != "rows"],
        )


class JudgementForm(forms.Form):
    number = forms.TypedChoiceField(
        label="Area of the plan",
        coerce=int,
        error_messages={
            "required": "Choose the area judged",
            "invalid_choice": "That area is not in this plan: choose one of the plan's areas",
        },
    )
    judgement = forms.ChoiceField(
        label="Judgement", choices=Progress.choices, widget=forms.RadioSelect, required=False
    )
    date = GovukDateField(label="Date of the letter or report", required=False)
    inspection = forms.TypedChoiceField(
        label="Re-visit or monitoring inspection (optional)",
        required=False,
        coerce=int,
        empty_value=None,
    )
    findings = ParagraphField(label="Findings (optional)", required=False, max_length=4000)

    def __init__(self, *args: Any, plan, inspections, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(
            self, "number", [(a.number, f"{a.number}. {a.title}") for a in plan.areas.all()]
        )
        _set_choices(self, "inspection", inspection_choices(inspections))


class HistoryForm(forms.Form):
    """The date to show the plan on, and the date to show changes since."""

    on = GovukDateField(label="Show the plan as it stood on", required=False)
    since = GovukDateField(label="Show what changed since", required=False)
