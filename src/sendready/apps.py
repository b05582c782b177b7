"""The core app: shared templates, static files and site-wide commands."""

from django.apps import AppConfig


class SendreadyConfig(AppConfig):
    name = "sendready"
    verbose_name = "sendready"

    def ready(self) -> None:
        from sendready import stored_text

        stored_text.connect()
