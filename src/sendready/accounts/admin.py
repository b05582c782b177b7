from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendready.accounts.models import AuditEvent, LocalArea, Membership


@admin.register(LocalArea)
class LocalAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "old_la_code", "region", "is_current", "is_fictional"]
    search_fields = ["name", "code"]
    list_filter = ["region", "is_current", "is_fictional"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "area", "role"]
    list_filter = ["role", "area"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "action", "object_type", "object_id", "area"]
    list_filter = ["action", "object_type"]

    # The audit log is evidence: nobody adds, edits or deletes entries, administrators included.
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


# django-otp's own admin pages show each person's secret key and its QR code, and backup codes: anyone
# with admin access could copy someone's second factor. Second factors are reset by a LANO instead.
for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)
