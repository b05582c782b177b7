"""Promoting the inspectors' survey during an inspection: its link and window come from the inspection
(recorded once there), the tasks and their state live here."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from sendready.areas.access import can
from sendready.areas.models import LocalArea
from sendready.areas.registry import ActiveInspection, ExtraTask
from sendready.domain.dates.workdays import LONDON
from sendready.domain.surveys.promotion import CHANNELS, InspectorsSurvey
from sendready.surveys.models import PromotionTask

SURVEY_STEPS = ("parent_survey", "surveys")


def inspectors_survey(area: LocalArea, inspection: ActiveInspection) -> InspectorsSurvey | None:
    """The inspectors' survey window and link from the inspection's record, or None without a window."""
    step = next((inspection.steps[k] for k in SURVEY_STEPS if k in inspection.steps), None)
    if step is None:
        return None
    end_date = step.end_date or step.date
    timed = step.time is not None and step.end_time is not None
    return InspectorsSurvey(
        area_name=area.name,
        link=inspection.survey_link,
        opens=dt.datetime.combine(step.date, step.time or dt.time(0), tzinfo=LONDON),
        closes=dt.datetime.combine(end_date, step.end_time or dt.time(23, 59), tzinfo=LONDON),
        timed=timed,
    )


def done_channels(area: LocalArea, inspection_pk: int) -> dict[str, PromotionTask]:
    tasks = PromotionTask.objects.filter(area=area, inspection_pk=inspection_pk)
    return {t.channel: t for t in tasks.select_related("done_by") if t.done_at}


def promotion_tasks(area: LocalArea, user, inspection: ActiveInspection) -> list[ExtraTask]:
    """One task per channel not yet done, due when the survey opens."""
    if not can(user, "promote_inspection_survey", area):
        return []
    survey = inspectors_survey(area, inspection)
    if survey is None:
        return []
    done = done_channels(area, inspection.pk)
    href = reverse("surveys:promotion", args=[area.code])
    now = timezone.now()
    return [
        ExtraTask(
            title=f"Promote the inspectors' survey: {title}",
            owner="",
            due_at=survey.opens,
            status="Not done",
            href=f"{href}#channel-{key}",
            overdue=now > survey.opens,
        )
        for key, title in CHANNELS.items()
        if key not in done
    ]


def promotion_panel(area: LocalArea, user, inspection: ActiveInspection) -> dict | None:
    """The inspectors' survey and how far its promotion has gone, on the inspection's page."""
    if not can(user, "view_surveys", area):
        return None
    survey = inspectors_survey(area, inspection)
    if survey is None:
        return None
    done = done_channels(area, inspection.pk)
    return {
        "area": area,
        "survey": survey,
        "done": len(done),
        "total": len(CHANNELS),
        "may_promote": can(user, "promote_inspection_survey", area),
    }
