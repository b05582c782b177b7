"""Forms for adding people to an area and changing their role."""

from django import forms
from django.contrib.auth import get_user_model

from sendready.areas.constants import Role
from sendready.stored_text import EmailAddressField, LineField


class MemberForm(forms.Form):
    """Add a person to the area: an existing account by username, or a new one."""

    username = forms.RegexField(
        label="Username",
        max_length=150,
        regex=r"^[\w.@+-]+$",
        help_text=(
            "Letters, numbers and . @ + - _ only. Someone who already uses sendready in another "
            "area keeps their username."
        ),
        error_messages={
            "required": "Enter a username",
            "invalid": "Use only letters, numbers and . @ + - _ in the username",
        },
    )
    first_name = LineField(label="First name", max_length=150, required=False)
    last_name = LineField(label="Last name", max_length=150, required=False)
    email = EmailAddressField(
        label="Email address",
        help_text="We email them a link to choose their password.",
        max_length=254,
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    role = forms.ChoiceField(
        label="Role",
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the person's role"},
    )
    job_title = LineField(label="Job title", max_length=120, required=False)

    def __init__(self, *args, area=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.area = area

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        user = get_user_model().objects.filter(username__iexact=username).first()
        if user is not None and user.memberships.filter(area=self.area).exists():
            raise forms.ValidationError(f"{username} is already a member of {self.area.name}")
        return username


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label="Role",
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the person's role"},
    )
