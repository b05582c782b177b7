"""Forms for recording an inspection, its briefing details, tasks and timetable sessions."""

import datetime as dt
from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.contrib.auth.models import User

from sendready.domain.inspection.frameworks import list_frameworks, load_framework
from sendready.govuk_forms import GovukDateField
from sendready.inspections.constants import AttendeeGroup, PartOfDay, TaskStatus
from sendready.stored_text import EmailAddressField, LineField, LinkField, ParagraphField

# Limits on what people type: generous for real use, far below what would slow a Word download.
PURPOSE_LIMIT = 2000
FOCUS_LIST_LIMIT = 4000
TEAM_LIMIT = 4000
NOTES_LIMIT = 4000
TEAM_PARTS = (("name", 120), ("role", 120), ("organisation", 60))  # as TeamMember stores them


def framework_choices() -> list[tuple[str, str]]:
    return [(name, load_framework(name).title) for name in list_frameworks()]


class InspectionForm(forms.Form):
    """The notification: which kind of inspection, when it was announced, and real on-site dates."""

    framework = forms.ChoiceField(
        label="Type of inspection",
        choices=framework_choices,
        error_messages={
            "required": "Select the type of inspection",
            "invalid_choice": "Select a type of inspection from the list",
        },
    )
    notified_on = GovukDateField(
        label="Date of notification",
        help_text="The working day Ofsted and CQC told the local area, for example 8 9 2025",
        error_messages={"required": "Enter the date of notification"},
    )
    onsite_start = GovukDateField(
        label="First on-site day (if known)",
        required=False,
        help_text="Leave blank to use the framework's usual date",
    )
    onsite_end = GovukDateField(
        label="Last on-site day (if known)",
        required=False,
        help_text="Leave blank to use the framework's usual length",
    )

    def overrides(self) -> dict[str, dt.date]:
        data = self.cleaned_data
        return {k: data[k] for k in ("onsite_start", "onsite_end") if data.get(k)}


class BriefingForm(forms.Form):
    """What the briefing and the key message to families say."""

    purpose = ParagraphField(
        label="Purpose of the inspection",
        required=False,
        max_length=PURPOSE_LIMIT,
        help_text="One or two sentences in plain English",
    )
    areas_of_focus = ParagraphField(
        label="Areas of focus",
        required=False,
        max_length=FOCUS_LIST_LIMIT,
        help_text="One per line",
    )
    survey_link = LinkField(
        label="Link to the survey for parents and carers",
        required=False,
        error_messages={"invalid": "Enter the survey link as a web address, starting https://"},
    )
    pcf_meeting_date = GovukDateField(
        label="Date of the parent carer forum meeting", required=False
    )
    pcf_meeting_start = forms.TimeField(
        label="Meeting starts",
        required=False,
        help_text="For example 11:00",
        error_messages={"invalid": "Enter the start time as hours and minutes, for example 11:00"},
    )
    pcf_meeting_end = forms.TimeField(
        label="Meeting ends",
        required=False,
        help_text="For example 12:00",
        error_messages={"invalid": "Enter the end time as hours and minutes, for example 12:00"},
    )
    pcf_meeting_link = LinkField(
        label="Online meeting link",
        required=False,
        error_messages={"invalid": "Enter the meeting link as a web address, starting https://"},
    )
    pcf_meeting_phone = LineField(
        label="Phone number to join by audio", required=False, max_length=40
    )
    pcf_meeting_conference_id = LineField(
        label="Phone conference ID", required=False, max_length=40
    )
    contact_email = EmailAddressField(
        label="Contact email for questions",
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.org"
        },
    )
    team = ParagraphField(
        label="Inspection team",
        required=False,
        max_length=TEAM_LIMIT,
        help_text="One person per line: name, role, organisation. For example: Jane Smith, Lead HMI, Ofsted",
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("pcf_meeting_start"), data.get("pcf_meeting_end")
        if start and end and end <= start:
            self.add_error("pcf_meeting_end", "The meeting must end after it starts")
        return data

    def clean_team(self) -> list[tuple[str, str, str]]:
        members = []
        for number, line in enumerate(self.cleaned_data["team"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(",")]
            if len(parts) < 2 or not parts[0] or not parts[1]:
                raise forms.ValidationError(
                    f"Line {number} of the inspection team needs a name and a role, separated by a comma"
                )
            member = (parts[0], parts[1], ", ".join(parts[2:]))
            for part, (what, limit) in zip(member, TEAM_PARTS, strict=True):
                if len(part) > limit:
                    raise forms.ValidationError(
                        f"Line {number} of the inspection team: the {what} must be {limit} characters or fewer"
                    )
            members.append(member)
        return members


class TaskForm(forms.Form):
    owner = forms.TypedChoiceField(label="Owner", required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label="Status", choices=TaskStatus.choices)
    due_date = GovukDateField(label="Due date", error_messages={"required": "Enter the due date"})
    due_time = forms.TimeField(
        label="Due time",
        help_text="For example 17:00",
        error_messages={
            "required": "Enter the due time, for example 17:00",
            "invalid": "Enter the due time as hours and minutes, for example 17:00",
        },
    )
    notes = ParagraphField(label="Notes", required=False, max_length=NOTES_LIMIT)

    def __init__(self, *args: Any, owners: Iterable[User] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["owner"]).choices = [("", "Nobody yet")] + [
            (u.pk, u.get_full_name() or u.get_username()) for u in owners
        ]


class SessionForm(forms.Form):
    date = GovukDateField(
        label="Date", error_messages={"required": "Enter the date of the session"}
    )
    part_of_day = forms.ChoiceField(
        label="Morning or afternoon",
        choices=PartOfDay.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select morning or afternoon"},
    )
    start_time = forms.TimeField(
        label="Start time",
        help_text="For example 09:30",
        error_messages={
            "required": "Enter the start time, for example 09:30",
            "invalid": "Enter the start time as hours and minutes, for example 09:30",
        },
    )
    end_time = forms.TimeField(
        label="End time",
        help_text="For example 10:30",
        error_messages={
            "required": "Enter the end time, for example 10:30",
            "invalid": "Enter the end time as hours and minutes, for example 10:30",
        },
    )
    title = LineField(
        label="Title", max_length=200, error_messages={"required": "Enter a title for the session"}
    )
    focus = ParagraphField(label="Focus", required=False, max_length=NOTES_LIMIT)
    attendee_groups = forms.MultipleChoiceField(
        label="Who attends",
        choices=AttendeeGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    place = LineField(label="Place", max_length=200, required=False, help_text="Room and building")
    online_link = LinkField(
        label="Online meeting link",
        required=False,
        error_messages={"invalid": "Enter the meeting link as a web address, starting https://"},
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The session must end after it starts")
        return data


class FrameworkSettingsForm(forms.Form):
    """One whole-number box per unconfirmed number of the framework."""

    def __init__(self, *args, framework=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, setting in framework.settings.items():
            unit = setting.unit.replace("_", " ")
            self.fields[name] = forms.IntegerField(
                label=setting.label,
                min_value=0,
                max_value=400,
                help_text=f"In {unit}. Default {setting.default} ({setting.status}; source {setting.source})."
                + (f" {setting.note}" if setting.note else ""),
                error_messages={
                    "required": f"Enter a number for: {setting.label.lower()}",
                    "invalid": "Enter a whole number, like 43",
                    "min_value": "Enter a number of 0 or more",
                    "max_value": "Enter a number of 400 or less",
                },
            )
