"""Accounts: local areas (tenants), people, roles and the audit log."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sendready.accounts"
    label = "accounts"
    verbose_name = "Local areas and people"

    def ready(self) -> None:
        from sendready.accounts.navigation import AreaSection, register_section

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
