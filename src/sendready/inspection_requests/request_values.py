"""What a person types about a request, and the checks it must pass before any action writes it:
a due time after the request, an owner who works on requests in the area, and a related criterion
and tracked case that are among the choices (a key already stored stays valid)."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from sendready.areas.access import can, role_in
from sendready.domain.requests.due import DueTimeError, check_due
from sendready.domain.requests.related import RelatedError, check_related
from sendready.inspection_requests.related import related_choices


@dataclass
class RequestValues:
    """What a person types about a request."""

    title: str
    due_at: dt.datetime
    requested_at: dt.datetime
    details: str = ""
    asked_by: str = ""
    criterion: str = ""
    tracked_case: str = ""
    strand: str = ""
    organisation: str = ""
    owner: Any = None
    extra: dict = field(default_factory=dict)


def check_values(area, values: RequestValues, *, actor, inspection, before=None) -> None:
    try:
        check_due(values.requested_at, values.due_at)
    except DueTimeError as exc:
        raise ValidationError({"due_date": str(exc)}) from exc
    if values.owner is not None and (
        role_in(values.owner, area) is None or not can(values.owner, "work_on_requests", area)
    ):
        raise ValidationError(
            {"owner": "The owner must be a member of this local area who works on requests"}
        )
    choices = related_choices(area, actor, inspection)
    try:
        check_related(
            # A key already stored stays valid (a case since declined, a revised framework).
            "" if before is not None and values.criterion == before.criterion else values.criterion,
            ""
            if before is not None and values.tracked_case == before.tracked_case
            else values.tracked_case,
            choices.criteria,
            {key for key, _ in choices.cases},
        )
    except RelatedError as exc:
        raise ValidationError({exc.field: str(exc)}) from exc
