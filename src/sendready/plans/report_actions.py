"""Recording that a monitoring report was produced, so the next one knows when "the last report" was."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.plans.models import Plan
from sendready.plans.report_data import plan_start
from sendready.plans.report_models import MonitoringReport


def produce_report(
    *, actor, plan: Plan, meeting_date: dt.date | None, request=None
) -> MonitoringReport:
    """Record the report for the meeting on `meeting_date` (producing it again keeps the one record)."""
    if meeting_date is None:
        raise ValidationError({"meeting_date": "Enter the date of the monitoring meeting."})
    start = plan_start(plan)
    if start is not None and meeting_date < start:
        raise ValidationError(
            {
                "meeting_date": f"The meeting date must be on or after {start:%-d %B %Y}, "
                "the day the plan was made."
            }
        )
    with transaction.atomic():
        report, made = MonitoringReport.objects.get_or_create(
            plan=plan, meeting_date=meeting_date, defaults={"produced_by": actor}
        )
        if not made:
            report.produced_by = actor
            report.save(update_fields=["produced_by"])
        record(
            request,
            AuditAction.CREATED if made else AuditAction.CHANGED,
            "monitoring_report",
            report.pk,
            area=plan.area,
            user=actor,
            detail=f"plan {plan.pk}, meeting {meeting_date.isoformat()}",
        )
    return report
