"""Areas: local areas (tenants), memberships, roles, access and the platform's registry."""

from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "sendready.areas"
    label = "areas"
    verbose_name = "Local areas and access"

    def ready(self) -> None:
        from sendready.areas.access import ALL_ROLES
        from sendready.areas.constants import Role
        from sendready.areas.registry import AreaSection, register_permissions, register_section

        register_permissions({"view_area": ALL_ROLES, "manage_people": frozenset({Role.LANO})})
        register_section(
            AreaSection(
                "people",
                "People",
                "accounts:people",
                "manage_people",
                "Who belongs to this area and their roles.",
                80,
            )
        )
