"""The version of a request being prepared, and whether it may still change (reads for actions and pages)."""

from django.core.exceptions import ValidationError

from sendready.inspection_requests.constants import RequestState
from sendready.inspection_requests.models import InspectionRequest, Version


def draft_of(item: InspectionRequest) -> Version | None:
    """The version being prepared (None while the latest is released)."""
    return item.versions.filter(released_at__isnull=True).order_by("-number").first()


def editable_draft(item: InspectionRequest) -> Version:
    """The version being prepared, or a ValidationError saying why the answer cannot change now."""
    if item.state == RequestState.WITHDRAWN:
        raise ValidationError(
            "This request was withdrawn. Reinstate it before changing its answer."
        )
    draft = draft_of(item)
    if draft is None or item.state == RequestState.RELEASED:
        raise ValidationError(
            "This request has been released to inspectors and cannot change. Start a new version "
            "to send them something else; the released one is kept."
        )
    return draft
