"""Inspectors' windows, worked out afresh from the inspection's current dates and its
`evidence_room_wd` setting every time they are read (never stored), narrowed by any days a LANO chose."""

import datetime as dt

from django.utils import timezone

from sendready.domain.inspection.frameworks import load_framework
from sendready.domain.requests.room import SETTING, Window, current_room_window
from sendready.inspection_requests.models import InspectorAccess


def planned_onsite_end(inspection) -> dt.date | None:
    """The last on-site day as the inspection's timeline dates it now (its stored milestone)."""
    onsite = inspection.milestones.filter(key="onsite").only("date", "end_date").first()
    return (onsite.end_date or onsite.date) if onsite is not None else None


def room_days(inspection) -> int:
    """The framework setting (as changed for this inspection) for working days after on-site."""
    given = (inspection.framework_settings or {}).get(SETTING)
    if given is not None:
        return int(given)
    setting = load_framework(inspection.framework).settings.get(SETTING)
    return setting.default if setting else 10


def inspection_window(inspection, first_day=None, last_day=None) -> Window:
    """The window as the inspection stands now (its dates and setting read afresh), narrowed by
    any days a LANO chose."""
    return current_room_window(
        notified_on=inspection.notified_on,
        onsite_end=inspection.onsite_end,
        planned_onsite_end=planned_onsite_end(inspection),
        working_days_after=room_days(inspection),
        first_day=first_day,
        last_day=last_day,
    )


def default_window(inspection) -> Window:
    """The longest window the framework allows for this inspection, as it stands now."""
    return inspection_window(inspection)


def window_of(access: InspectorAccess) -> Window:
    """An inspector's window now: it follows the inspection's current dates and setting."""
    return inspection_window(access.inspection, access.chosen_first_day, access.chosen_last_day)


def access_state(access: InspectorAccess, now: dt.datetime | None = None) -> str:
    """ "open", "not_yet", "closed" or "ended" (ended by the LANO)."""
    if access.ended_at is not None:
        return "ended"
    return window_of(access).state(now or timezone.now())
