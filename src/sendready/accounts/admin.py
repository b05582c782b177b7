from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest, HttpResponse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendready.accounts.password_actions import require_new_password

# django-otp's own admin pages show each person's secret key and its QR code, and backup codes: anyone
# with admin access could copy someone's second factor. Second factors are reset by a LANO instead.
for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)


class SendreadyUserAdmin(UserAdmin):
    """Django's user admin, except that a password set for someone else must be replaced by its holder
    at their next sign-in."""

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change and obj.has_usable_password() and obj.pk != request.user.pk:
            require_new_password(actor=request.user, user=obj, request=request)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        response = super().user_change_password(request, id, form_url)
        user = self.get_object(request, unquote(id))
        changed = request.method == "POST" and response.status_code == 302
        if (
            changed
            and user is not None
            and user.pk != request.user.pk
            and user.has_usable_password()
        ):
            require_new_password(actor=request.user, user=user, request=request)
        return response


_user_model = get_user_model()
if admin.site.is_registered(_user_model):
    admin.site.unregister(_user_model)
admin.site.register(_user_model, SendreadyUserAdmin)
