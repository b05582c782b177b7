"""Accounts: local areas (tenants), people, roles and the audit log."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sendready.accounts"
    label = "accounts"
    verbose_name = "Local areas and people"
