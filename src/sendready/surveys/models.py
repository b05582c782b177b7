"""Surveys, their reviews by the parent carer forum, anonymous responses and promotion tasks.

A response holds no account, no address and no time finer than the London day it arrived; its key is a
random UUID, so not even the order of arrival can be read from it. The one-time form tokens that stop a
form being sent twice are kept apart from the responses, as digests, and dropped once expired."""

import secrets
import uuid

from django.conf import settings
from django.db import models

from sendready.areas.models import LocalArea
from sendready.surveys.constants import Audience, Decision, SurveyStatus


def new_slug() -> str:
    """The random part of a survey's public link: unguessable, short enough to type."""
    return secrets.token_urlsafe(9)


class SurveyQuerySet(models.QuerySet["Survey"]):
    def for_area(self, area: LocalArea) -> "SurveyQuerySet":
        return self.filter(area=area)


class Survey(models.Model):
    """One survey for one audience; its questions are stored as the families see them."""

    area = models.ForeignKey(LocalArea, on_delete=models.PROTECT, related_name="surveys")
    audience = models.CharField(max_length=30, choices=Audience.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=1000, blank=True)
    easy_read = models.BooleanField(default=False)
    questions = models.JSONField(default=list)
    slug = models.CharField(max_length=20, unique=True, default=new_slug)
    status = models.CharField(
        max_length=20, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    approved_fingerprint = models.CharField(max_length=64, blank=True)
    opens_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Review(models.Model):
    """A parent carer forum representative's decision on the wording they were shown."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decision = models.CharField(max_length=20, choices=Decision.choices)
    comments = models.TextField(max_length=5000, blank=True)
    fingerprint = models.CharField(max_length=64)
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]


class Response(models.Model):
    """One anonymous set of answers: question key -> text or chosen options, and the day only."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="responses")
    submitted_on = models.DateField()
    answers = models.JSONField(default=dict)


class SubmittedForm(models.Model):
    """The digest of a one-time form token already used: a resent or double-clicked form stores
    nothing twice. No link to the response it came with."""

    digest = models.CharField(max_length=64, primary_key=True)
    used_on = models.DateField()


class PromotionTask(models.Model):
    """Promoting the inspectors' survey on one channel during one inspection."""

    area = models.ForeignKey(LocalArea, on_delete=models.PROTECT, related_name="+")
    inspection_pk = models.PositiveBigIntegerField()
    channel = models.CharField(max_length=30)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["area", "inspection_pk", "channel"], name="one_task_per_channel"
            )
        ]
