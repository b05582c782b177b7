"""Person-level data: imports, snapshots, indicators and dashboards."""

from django.apps import AppConfig


class PupildataConfig(AppConfig):
    name = "sendready.pupildata"
    label = "pupildata"
    verbose_name = "Person-level data"
