"""Working out an inspection's timeline from its record: reads only, shared by its pages and actions."""

import datetime as dt

from django.core.exceptions import ValidationError

from sendready.domain.inspection.frameworks import load_framework
from sendready.domain.inspection.timeline import Timeline, TimelineError, build_timeline
from sendready.inspections.models import Inspection

# The domain's names for what was wrong, as the inspection form names its fields.
FORM_FIELDS = {
    "notified": "notified_on",
    "onsite_start": "onsite_start",
    "onsite_end": "onsite_end",
    "framework": "framework",
    "settings": None,
    "actual": None,
    "outcome": None,
}


def plan_timeline(
    framework: str,
    notified_on: dt.date,
    overrides: dict | None = None,
    settings: dict | None = None,
    outcome: str | None = None,
) -> Timeline:
    """The framework's dated steps, or a ValidationError in the words the domain gives."""
    try:
        return build_timeline(
            framework, notified_on, overrides or {}, settings or {}, outcome=outcome or None
        )
    except TimelineError as exc:
        field = FORM_FIELDS.get(exc.field or "", exc.field)
        raise ValidationError({field: str(exc)} if field else str(exc)) from exc


def overrides_of(inspection: Inspection) -> dict[str, dt.date]:
    """Every real date entered: the on-site fields of older records, then each actual date."""
    dates = {
        k: getattr(inspection, k) for k in ("onsite_start", "onsite_end") if getattr(inspection, k)
    }
    dates.update({a.name: a.date for a in inspection.actual_dates.all()})
    return dates


def stored_settings(inspection: Inspection) -> dict[str, int]:
    """The inspection's changed numbers that its framework still has (a rule change can retire one)."""
    try:
        known = load_framework(inspection.framework).settings
    except LookupError:  # a framework no longer shipped: build_timeline explains that
        return dict(inspection.framework_settings)
    return {name: value for name, value in inspection.framework_settings.items() if name in known}


def timeline_for(inspection: Inspection) -> Timeline:
    """The inspection's timeline, worked out afresh from its record."""
    return build_timeline(
        inspection.framework,
        inspection.notified_on,
        overrides_of(inspection),
        stored_settings(inspection),
        outcome=inspection.outcome_key or None,
    )
