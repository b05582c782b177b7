"""Choices used by accounts."""

from django.db import models


class ThrottleKey(models.TextChoices):
    """What a run of failed sign-ins is counted against."""

    USERNAME = "username", "Username"
    ADDRESS = "address", "Client address"
