"""Requests inspectors make, their versions and files, and inspectors' time-boxed access."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from sendready.areas.models import LocalArea
from sendready.inspection_requests.constants import EventKind, Organisation, RequestState, Strand

OPEN_STATES = (RequestState.REQUESTED, RequestState.IN_PROGRESS, RequestState.READY_FOR_REVIEW)


class RequestQuerySet(models.QuerySet["InspectionRequest"]):
    def for_area(self, area: LocalArea) -> "RequestQuerySet":
        return self.filter(area=area)

    def for_inspection(self, inspection_id: int) -> "RequestQuerySet":
        return self.filter(inspection_id=inspection_id)

    def still_owed(self) -> "RequestQuerySet":
        """Not yet handed over (nor withdrawn)."""
        return self.filter(state__in=OPEN_STATES)

    def overdue(self, now) -> "RequestQuerySet":
        return self.still_owed().filter(due_at__lt=now)


class InspectionRequest(models.Model):
    """Something inspectors asked the area for, routed to an owner, reviewed and released."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="+")
    # By name, not import: the inspections app owns the record; this app only points at it.
    inspection = models.ForeignKey(
        "inspections.Inspection", on_delete=models.CASCADE, related_name="requests"
    )
    title = models.CharField(max_length=200)
    details = models.TextField(blank=True, max_length=4000)
    asked_by = models.CharField("asked by", max_length=120, blank=True)
    requested_at = models.DateTimeField("asked at")
    due_at = models.DateTimeField("due")
    # Keys, not copies: a criterion of the framework's criteria data, and a tracked case offered by
    # the cases capability through areas.registry.tracked_case_choices (this app never imports it).
    criterion = models.CharField("related criterion", max_length=40, blank=True)
    tracked_case = models.CharField("related tracked case", max_length=20, blank=True)
    strand = models.CharField(max_length=20, choices=Strand.choices, blank=True)
    organisation = models.CharField(max_length=20, choices=Organisation.choices, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_inspection_requests",
    )
    state = models.CharField(
        max_length=20, choices=RequestState.choices, default=RequestState.REQUESTED
    )
    released_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = RequestQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_at__gt=models.F("requested_at")), name="request_due_after_asked"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class Version(models.Model):
    """One answer to a request: a draft until released, then never changed."""

    request = models.ForeignKey(
        InspectionRequest, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    answer = models.TextField(blank=True, max_length=4000)
    link = models.URLField(blank=True)
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    release_note = models.TextField("release note", max_length=1000, blank=True)
    # Who prepared this version besides its files' uploaders: none of them may release it.
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_for_review_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["request", "number"]
        constraints = [
            models.UniqueConstraint(fields=["request", "number"], name="one_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.request} v{self.number}"

    @property
    def is_released(self) -> bool:
        return self.released_at is not None

    def preparers(self) -> set[int]:
        """Ids of the people who prepared this version: the request's owner, whoever wrote its
        answer, added its files or sent it for review."""
        ids = {self.request.owner_id, self.answered_by_id, self.sent_for_review_by_id}
        ids |= set(self.files.values_list("uploaded_by_id", flat=True))
        return {i for i in ids if i is not None}


class EvidenceFile(models.Model):
    """A file in a version, kept in Django's storage under a private name."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="files")
    name = models.CharField("file name", max_length=200)
    stored_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class RequestEvent(models.Model):
    """The request's own history and comments, shown on its page (the audit log keeps its own)."""

    request = models.ForeignKey(InspectionRequest, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    text = models.TextField(max_length=4000)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.text[:40]}"


class InspectorAccessQuerySet(models.QuerySet["InspectorAccess"]):
    def for_inspection(self, inspection_id: int) -> "InspectorAccessQuerySet":
        return self.filter(inspection_id=inspection_id)


class InspectorAccess(models.Model):
    """An inspector's account opened on one inspection of one area, for a window of dates."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inspector_access"
    )
    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="+")
    inspection = models.ForeignKey(
        "inspections.Inspection", on_delete=models.CASCADE, related_name="inspector_access"
    )
    name = models.CharField(max_length=120)
    role = models.CharField("role in the inspection team", max_length=120, blank=True)
    # Days a LANO chose to narrow the window, or blank. The window itself is never stored: it is
    # worked out from the inspection's current dates each time (windows.window_of).
    chosen_first_day = models.DateField("first day chosen", null=True, blank=True)
    chosen_last_day = models.DateField("last day chosen", null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = InspectorAccessQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.inspection_id})"


class RoomVisit(models.Model):
    """An inspector opening an item or downloading a file: the area's record of what they took."""

    access = models.ForeignKey(InspectorAccess, on_delete=models.CASCADE, related_name="visits")
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="visits")
    file = models.ForeignKey(
        EvidenceFile, null=True, blank=True, on_delete=models.CASCADE, related_name="visits"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.access} {'downloaded' if self.file_id else 'viewed'} {self.version}"
