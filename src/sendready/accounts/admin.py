from django.contrib import admin

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
