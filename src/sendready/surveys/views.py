"""Building a survey: the list, a new survey, its page, details, window and sending it for review."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sendready.areas.access import area_view, can
from sendready.areas.models import LocalArea
from sendready.domain.surveys.bank import questions_of
from sendready.domain.surveys.schedule import STATE_TITLES, window_sentence, window_state
from sendready.govuk_forms import add_validation_error
from sendready.surveys import actions
from sendready.surveys.access import get_survey
from sendready.surveys.constants import Audience, SurveyStatus
from sendready.surveys.forms import DetailsForm, NewSurveyForm, WindowForm
from sendready.surveys.links import public_url
from sendready.surveys.models import Survey
from sendready.surveys.state import is_approved
from sendready.surveys.submission import availability


def page(
    request: HttpRequest,
    area: LocalArea,
    template: str,
    title: str,
    http_status: int = 200,
    **context,
) -> HttpResponse:
    """Render a surveys page with what every one needs."""
    return render(
        request,
        f"surveys/{template}",
        {"area": area, "title": title, "active_nav": "surveys", **context},
        status=http_status,
    )


def status_text(survey: Survey) -> str:
    if is_approved(survey):
        return STATE_TITLES[window_state(survey.opens_at, survey.closes_at, _now())]
    return SurveyStatus(survey.status).label


def _now():
    from django.utils import timezone

    return timezone.now()


@area_view("view_surveys")
def survey_list(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """The area's surveys, filtered by audience."""
    audience = request.GET.get("audience", "")
    surveys = Survey.objects.for_area(area)
    if audience in Audience.values:
        surveys = surveys.filter(audience=audience)
    rows = [
        {"survey": s, "status": status_text(s), "responses": s.responses.count()} for s in surveys
    ]
    return page(
        request,
        area,
        "list.html",
        "Surveys",
        rows=rows,
        audience=audience if audience in Audience.values else "",
        audiences=Audience.choices,
        may_manage=can(request.user, "manage_surveys", area),
    )


@area_view("manage_surveys")
def survey_new(request: HttpRequest, area: LocalArea) -> HttpResponse:
    form = NewSurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        survey = actions.create_survey(
            actor=request.user,
            area=area,
            audience=form.cleaned_data["audience"],
            from_bank=form.cleaned_data["from_bank"] == "yes",
            request=request,
        )
        messages.success(request, "Survey created. Check its wording, then send it for review.")
        return redirect("surveys:detail", area.code, survey.pk)
    return page(request, area, "new.html", "Create a survey", form=form)


@area_view("view_surveys")
def survey_detail(request: HttpRequest, area: LocalArea, survey_id: int) -> HttpResponse:
    survey = get_survey(area, survey_id)
    has_answers = survey.responses.exists()
    return page(
        request,
        area,
        "detail.html",
        survey.title,
        survey=survey,
        questions=questions_of(survey.questions),
        state=status_text(survey),
        approved=is_approved(survey),
        availability=availability(survey),
        window=window_sentence(survey.opens_at, survey.closes_at),
        reviews=list(survey.reviews.select_related("reviewer")),
        link=public_url(survey),
        has_answers=has_answers,
        may_edit=can(request.user, "manage_surveys", area) and not has_answers,
        may_manage=can(request.user, "manage_surveys", area),
        may_review=can(request.user, "review_surveys", area)
        and survey.status == SurveyStatus.IN_REVIEW,
    )


@area_view("manage_surveys")
def survey_edit(request: HttpRequest, area: LocalArea, survey_id: int) -> HttpResponse:
    survey = get_survey(area, survey_id)
    initial = {
        "title": survey.title,
        "description": survey.description,
        "easy_read": survey.easy_read,
    }
    form = DetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.change_details(
                actor=request.user, survey=survey, request=request, **form.cleaned_data
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "Survey details saved.")
            return redirect("surveys:detail", area.code, survey.pk)
    return page(request, area, "edit.html", "Change the survey's details", survey=survey, form=form)


@area_view("manage_surveys")
def survey_window(request: HttpRequest, area: LocalArea, survey_id: int) -> HttpResponse:
    """When the survey opens and closes, by itself (UK time)."""
    survey = get_survey(area, survey_id)
    initial = {}
    if survey.opens_at and survey.closes_at:
        from django.utils import timezone

        opens, closes = timezone.localtime(survey.opens_at), timezone.localtime(survey.closes_at)
        initial = {
            "opens_date": opens.date(),
            "opens_time": opens.time(),
            "closes_date": closes.date(),
            "closes_time": closes.time(),
        }
    form = WindowForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        opens_at, closes_at = form.moments()
        try:
            actions.set_window(
                actor=request.user,
                survey=survey,
                opens_at=opens_at,
                closes_at=closes_at,
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, window_sentence(opens_at, closes_at))
            return redirect("surveys:detail", area.code, survey.pk)
    return page(request, area, "window.html", "When the survey is open", survey=survey, form=form)


@area_view("manage_surveys")
@require_POST
def survey_send_for_review(request: HttpRequest, area: LocalArea, survey_id: int) -> HttpResponse:
    survey = get_survey(area, survey_id)
    try:
        actions.send_for_review(actor=request.user, survey=survey, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Sent to the parent carer forum for review.")
    return redirect("surveys:detail", area.code, survey.pk)
