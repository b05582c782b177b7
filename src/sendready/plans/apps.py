"""Improvement plans: written statements of action, accelerated and priority action plans, strategic plans."""

from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "sendready.plans"
    label = "plans"
    verbose_name = "Improvement plans"
