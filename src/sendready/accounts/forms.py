"""Forms for adding people to an area and changing their role."""

from django import forms
from django.contrib.auth import get_user_model

from sendready.accounts.constants import Role


class MemberForm(forms.Form):
    """Add a person to the area: an existing account by username, or a new one."""

    username = forms.RegexField(
        label="Username", max_length=150, regex=r"^[\w.@+-]+$",
        help_text="Letters, numbers and . @ + - _ only. An existing account is added as it is.",
        error_messages={"required": "Enter a username", "invalid": "Use only letters, numbers and . @ + - _ in the username"})
    first_name = forms.CharField(label="First name", max_length=150, required=False)
    last_name = forms.CharField(label="Last name", max_length=150, required=False)
    email = forms.EmailField(label="Email address", required=False,
                             error_messages={"invalid": "Enter an email address in the correct format, like name@example.org"})
    role = forms.ChoiceField(label="Role", choices=Role.choices, widget=forms.RadioSelect,
                             error_messages={"required": "Select the person's role"})
    job_title = forms.CharField(label="Job title", max_length=120, required=False)

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
    role = forms.ChoiceField(label="Role", choices=Role.choices, widget=forms.RadioSelect,
                             error_messages={"required": "Select the person's role"})
