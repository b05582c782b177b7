"""The national area SEND inspection history: one row per full inspection, monitoring inspection or re-visit."""

from django.db import models

from sendready.areas.models import LocalArea


class InspectionEventQuerySet(models.QuerySet["InspectionEvent"]):
    def national(self) -> "InspectionEventQuerySet":
        """Events of real English areas (not fictional demo areas)."""
        return self.filter(area__is_fictional=False)


class InspectionEvent(models.Model):
    """One published inspection event. NULL means unknown in the source: never guessed."""

    FRAMEWORKS = [("2016", "2016 framework"), ("2023", "2023 framework")]
    KINDS = [
        ("full", "Full inspection"),
        ("monitoring", "Monitoring inspection"),
        ("revisit", "Re-visit"),
    ]

    area = models.ForeignKey(
        LocalArea, to_field="code", on_delete=models.PROTECT, related_name="inspection_events"
    )
    framework = models.CharField(max_length=4, choices=FRAMEWORKS)
    kind = models.CharField(max_length=12, choices=KINDS)
    start_date = models.DateField(null=True, blank=True)
    publication_date = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, null=True, blank=True)
    outcome_text = models.TextField(blank=True)
    n_weaknesses_or_priority_areas = models.PositiveSmallIntegerField(null=True, blank=True)
    revisit_n_sufficient = models.PositiveSmallIntegerField(null=True, blank=True)
    revisit_n_insufficient = models.PositiveSmallIntegerField(null=True, blank=True)
    source = models.TextField(blank=True)
    event_key = models.CharField(max_length=80, unique=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    objects = InspectionEventQuerySet.as_manager()

    class Meta:
        ordering = ["area__name", "start_date", "publication_date"]

    def __str__(self) -> str:
        return self.event_key
