"""Audit: the log of who viewed, exported or changed what."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "sendready.audit"
    label = "audit"
    verbose_name = "Audit log"

    def ready(self) -> None:
        from sendready.areas.constants import Role
        from sendready.areas.registry import AreaSection, register_permissions, register_section

        register_permissions({"view_audit": frozenset({Role.LANO, Role.SENIOR_LEADER})})
        register_section(
            AreaSection(
                "audit",
                "Audit log",
                "accounts:audit_log",
                "view_audit",
                "Who viewed, exported or changed what, and when.",
                90,
            )
        )
