"""The parent carer forum's review of a survey's wording."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.domain.surveys.bank import questions_of
from sendready.govuk_forms import add_validation_error
from sendready.surveys import actions
from sendready.surveys.access import get_survey
from sendready.surveys.constants import SurveyStatus
from sendready.surveys.forms import ReviewForm
from sendready.surveys.state import current_fingerprint
from sendready.surveys.views import page


@area_view("review_surveys")
def survey_review(request: HttpRequest, area: LocalArea, survey_id: int) -> HttpResponse:
    """Approve the wording shown, or ask for changes with comments."""
    survey = get_survey(area, survey_id)
    seen = current_fingerprint(survey)
    form = ReviewForm(request.POST or None, initial={"fingerprint": seen})
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_review(
                actor=request.user,
                survey=survey,
                decision=form.cleaned_data["decision"],
                comments=form.cleaned_data["comments"],
                seen_fingerprint=form.cleaned_data["fingerprint"],
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "Thank you. Your review has been recorded.")
            return redirect("surveys:detail", area.code, survey.pk)
    return page(
        request,
        area,
        "review.html",
        f"Review “{survey.title}”",
        survey=survey,
        questions=questions_of(survey.questions),
        form=form,
        waiting=survey.status == SurveyStatus.IN_REVIEW,
    )
