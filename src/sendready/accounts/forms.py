"""Forms for signing in, adding people to an area and changing their role."""

from django import forms
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.forms import AuthenticationForm

from sendready.accounts import throttle
from sendready.accounts.constants import Role
from sendready.stored_text import EmailAddressField, LineField, PasswordField


class MemberForm(forms.Form):
    """Add a person to the area: an existing account by username, or a new one."""

    username = forms.RegexField(
        label="Username",
        max_length=150,
        regex=r"^[\w.@+-]+$",
        help_text="Letters, numbers and . @ + - _ only. An existing account is added as it is.",
        error_messages={
            "required": "Enter a username",
            "invalid": "Use only letters, numbers and . @ + - _ in the username",
        },
    )
    first_name = LineField(label="First name", max_length=150, required=False)
    last_name = LineField(label="Last name", max_length=150, required=False)
    email = EmailAddressField(
        label="Email address",
        required=False,
        max_length=254,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.org"
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


class SignInForm(AuthenticationForm):
    """Username and password, held back for a while after repeated failures (see throttle.py)."""

    username = LineField(label="Username", max_length=150)
    password = PasswordField(label="Password")

    error_messages = {
        "invalid_login": "The username or password is not right. Check them and try again.",
        "inactive": "This account has been switched off. Ask your local area nominated officer.",
        "throttled": "You have tried to sign in too many times. Wait {wait}, then try again.",
    }

    def clean(self) -> dict:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not username or not password:
            return self.cleaned_data
        request = self.request
        assert request is not None, "the sign-in view always passes the request"
        address = throttle.client_address(request)
        wait = throttle.seconds_to_wait(username, address)
        if wait:
            throttle.record_held_back(request, username, address, wait)
            raise self._throttled(wait)
        self.user_cache = authenticate(self.request, username=username, password=password)
        if self.user_cache is None:
            wait = throttle.record_failure(request, username, address)
            message = self.error_messages["invalid_login"]
            if wait:
                message += f" You can try again in {throttle.describe_wait(wait)}."
            raise forms.ValidationError(message, code="invalid_login")
        self.confirm_login_allowed(self.user_cache)
        throttle.record_success(username)
        return self.cleaned_data

    def _throttled(self, wait: int) -> forms.ValidationError:
        text = self.error_messages["throttled"].format(wait=throttle.describe_wait(wait))
        return forms.ValidationError(text, code="throttled")
