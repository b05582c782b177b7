"""Forecasting: the national inspection history, forecasts for every area and the backtest."""

from django.apps import AppConfig


class ForecastingConfig(AppConfig):
    name = "sendready.forecasting"
    label = "forecasting"
    verbose_name = "Inspection history and forecasts"
