"""Accounts: people and signing in (passwords, two-factor, the sign-in throttle)."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sendready.accounts"
    label = "accounts"
    verbose_name = "People and signing in"
