"""The area's own recorded inspections, offered to the platform for the forecast."""

from sendready.domain.history.events import HistoryEvent
from sendready.domain.inspection.frameworks import load_framework
from sendready.domain.inspection.outcomes import HISTORY_KINDS, RecordedOutcome, as_history_event
from sendready.inspections.models import Inspection


def recorded_events() -> list[HistoryEvent]:
    """Each real area's inspection with a recorded outcome, dated by its on-site start and report."""
    events = []
    recorded = (
        Inspection.objects.exclude(outcome_key="")
        .filter(area__is_fictional=False)
        .select_related("area")
        .prefetch_related("actual_dates", "milestones")
    )
    for inspection in recorded:
        if inspection.framework not in HISTORY_KINDS:
            continue
        report_step = load_framework(inspection.framework).report_step
        dates = {m.key: m.date for m in inspection.milestones.all()}
        if report_step not in dates:
            continue
        outcome = RecordedOutcome(
            key=inspection.outcome_key,
            report_date=dates[report_step],
            counts={k: int(v) for k, v in inspection.outcome_counts.items()},
        )
        events.append(
            as_history_event(
                inspection.framework,
                inspection.area.code,
                inspection.area.name,
                inspection.onsite_start or dates.get("onsite"),
                outcome,
            )
        )
    return events
