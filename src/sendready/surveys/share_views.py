"""Sharing a survey: its link and QR code (SVG and PNG)."""

from django.http import Http404, HttpRequest, HttpResponse

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.domain.surveys.schedule import window_sentence
from sendready.surveys.access import get_survey
from sendready.surveys.links import public_url
from sendready.surveys.qr import qr_data_uri, qr_png, qr_svg
from sendready.surveys.state import is_approved
from sendready.surveys.views import page


@area_view("view_surveys")
def survey_share(request: HttpRequest, area: LocalArea, survey_id: int) -> HttpResponse:
    survey = get_survey(area, survey_id)
    link = public_url(survey)
    return page(
        request,
        area,
        "share.html",
        "Share the survey",
        survey=survey,
        link=link,
        qr=qr_data_uri(link),
        approved=is_approved(survey),
        window=window_sentence(survey.opens_at, survey.closes_at),
    )


@area_view("view_surveys")
def survey_qr(request: HttpRequest, area: LocalArea, survey_id: int, kind: str) -> HttpResponse:
    """The QR code of the survey's link as a download: kind is svg or png."""
    survey = get_survey(area, survey_id)
    link = public_url(survey)
    if kind == "svg":
        body, content_type = qr_svg(link), "image/svg+xml"
    elif kind == "png":
        body, content_type = qr_png(link), "image/png"
    else:
        raise Http404("QR codes come as svg or png.")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-qr.{kind}"'
    return response
