"""Promoting the inspectors' survey during an inspection: ready-to-send messages and one task per
channel. The link and window are recorded once, on the inspection's briefing details."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.areas.registry import active_inspection
from sendready.domain.surveys.promotion import CHANNELS
from sendready.domain.surveys.promotion import messages as channel_messages
from sendready.surveys import actions
from sendready.surveys.promotion import done_channels, inspectors_survey
from sendready.surveys.views import page


@area_view("promote_inspection_survey")
def promotion(request: HttpRequest, area: LocalArea) -> HttpResponse:
    inspection = active_inspection(area)
    survey = inspectors_survey(area, inspection) if inspection else None
    if request.method == "POST" and inspection is not None:
        channel = request.POST.get("channel", "")
        try:
            actions.mark_promoted(
                actor=request.user,
                area=area,
                inspection_pk=inspection.pk,
                channel=channel,
                done=request.POST.get("done") == "yes",
                request=request,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"{CHANNELS[channel]}: saved.")
        return redirect("surveys:promotion", area.code)
    done = done_channels(area, inspection.pk) if inspection else {}
    rows = [
        {"message": m, "task": done.get(m.channel)}
        for m in (channel_messages(survey) if survey else [])
    ]
    return page(
        request,
        area,
        "promotion.html",
        "Promote the inspectors' survey",
        inspection=inspection,
        survey=survey,
        rows=rows,
    )
