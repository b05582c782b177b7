from django.contrib import admin

from sendready.areas.models import LocalArea, Membership


@admin.register(LocalArea)
class LocalAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "old_la_code", "region", "is_current", "is_fictional"]
    search_fields = ["name", "code"]
    list_filter = ["region", "is_current", "is_fictional"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "area", "role"]
    list_filter = ["role", "area"]
