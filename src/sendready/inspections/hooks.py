"""What the inspections app offers other capabilities through the platform's inspection hooks."""

from sendready.areas.models import LocalArea
from sendready.areas.registry import ActiveInspection, StepDate
from sendready.inspections.models import Inspection


def as_active(inspection: Inspection) -> ActiveInspection:
    return ActiveInspection(
        pk=inspection.pk,
        framework=inspection.framework,
        notified_on=inspection.notified_on,
        steps={
            m.key: StepDate(m.title, m.date, m.time, m.end_date, m.end_time)
            for m in inspection.milestones.all()
        },
        survey_link=inspection.survey_link,
    )


def active_for(area: LocalArea) -> ActiveInspection | None:
    """The area's active inspection with its dated steps, or None."""
    inspection = Inspection.objects.for_area(area).active().first()
    return as_active(inspection) if inspection is not None else None
