"""Forecasting: the national inspection history, forecasts for every area and the backtest."""

from django.apps import AppConfig


class ForecastingConfig(AppConfig):
    name = "sendready.forecasting"
    label = "forecasting"
    verbose_name = "Inspection history and forecasts"

    def ready(self) -> None:
        from sendready.areas.access import ALL_ROLES
        from sendready.areas.registry import AreaSection, register_permissions, register_section

        # Importing the national inspection history is for site administrators (Django is_staff), not a role.
        register_permissions({"view_forecast": ALL_ROLES})

        register_section(
            AreaSection(
                "forecast",
                "When will we be inspected?",
                "forecasting:area_forecast",
                "view_forecast",
                "The chance of an area SEND inspection in each of the next six terms, for this area and nationally.",
                30,
            )
        )
