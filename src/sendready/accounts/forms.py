"""Forms for signing in, passwords and second factors."""

from django import forms
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm

from sendready.accounts import throttle, two_factor
from sendready.stored_text import EmailAddressField, LineField, PasswordField


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


NEW_PASSWORD_HINT = (
    "At least 8 characters. Avoid a common password, one made only of numbers, or one like your "
    "name or username."
)


def _new_password_fields() -> tuple[PasswordField, PasswordField]:
    return (
        PasswordField(label="New password", help_text=NEW_PASSWORD_HINT),
        PasswordField(label="Type the new password again"),
    )


class SetOwnPasswordForm(SetPasswordForm):
    """Choose a password from an emailed link."""

    new_password1, new_password2 = _new_password_fields()
    error_messages = {"password_mismatch": "The two passwords are not the same. Type them again."}


class ChangePasswordForm(PasswordChangeForm):
    """Change your own password: the current one, then a new one that is different."""

    old_password = PasswordField(label="Current password")
    new_password1, new_password2 = _new_password_fields()
    error_messages = {
        **SetOwnPasswordForm.error_messages,
        "password_incorrect": "Your current password is not right. Type it again.",
        "password_unchanged": "Choose a password that is different from your current one.",
    }
    field_order = ["old_password", "new_password1", "new_password2"]

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        if data.get("new_password1") and data.get("new_password1") == data.get("old_password"):
            self.add_error("new_password1", self.error_messages["password_unchanged"])
        return data


class ForgottenPasswordForm(forms.Form):
    """The email address of the account whose password was forgotten."""

    email = EmailAddressField(
        label="Email address",
        help_text="The email address your sendready account was set up with.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )

    def accounts(self) -> list:
        """Active accounts with this email address, including new ones with no password yet."""
        return list(
            get_user_model().objects.filter(
                email__iexact=self.cleaned_data["email"], is_active=True
            )
        )


class CodeForm(forms.Form):
    """A code from an authenticator app, or a backup code."""

    code = LineField(
        label="Code",
        max_length=20,
        error_messages={"required": "Enter the code from your authenticator app"},
    )

    def clean_code(self) -> str:
        return two_factor.normalise(self.cleaned_data["code"])
