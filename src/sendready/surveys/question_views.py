"""Adding, changing, removing and reordering a survey's questions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.domain.surveys.bank import audiences, questions_of
from sendready.govuk_forms import add_validation_error
from sendready.surveys import actions
from sendready.surveys.access import get_survey
from sendready.surveys.forms import BankQuestionsForm, QuestionForm
from sendready.surveys.views import page


def _saved(request: HttpRequest, area: LocalArea, survey_id: int, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect("surveys:detail", area.code, survey_id)


@area_view("manage_surveys")
def question_new(request: HttpRequest, area: LocalArea, survey_id: int) -> HttpResponse:
    """A question the area writes itself."""
    survey = get_survey(area, survey_id)
    form = QuestionForm(request.POST or None, initial={"kind": "single", "scale": "agreement"})
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_question(
                actor=request.user, survey=survey, values=form.values(), request=request
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            return _saved(request, area, survey.pk, "Question added.")
    return page(request, area, "question.html", "Add a question", survey=survey, form=form)


@area_view("manage_surveys")
def question_edit(request: HttpRequest, area: LocalArea, survey_id: int, key: str) -> HttpResponse:
    survey = get_survey(area, survey_id)
    question = next((q for q in questions_of(survey.questions) if q.key == key), None)
    if question is None:
        raise Http404("No such question in this survey.")
    form = QuestionForm(request.POST or None, initial=QuestionForm.initial_for(question))
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_question(
                actor=request.user, survey=survey, values=form.values(), key=key, request=request
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            return _saved(request, area, survey.pk, "Question changed.")
    return page(request, area, "question.html", "Change a question", survey=survey, form=form)


@area_view("manage_surveys")
def question_remove(
    request: HttpRequest, area: LocalArea, survey_id: int, key: str
) -> HttpResponse:
    survey = get_survey(area, survey_id)
    question = next((q for q in questions_of(survey.questions) if q.key == key), None)
    if question is None:
        raise Http404("No such question in this survey.")
    if request.method == "POST":
        try:
            actions.remove_question(actor=request.user, survey=survey, key=key, request=request)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("surveys:detail", area.code, survey.pk)
        return _saved(request, area, survey.pk, "Question removed.")
    return page(
        request,
        area,
        "question_remove.html",
        f"Remove “{question.text}”?",
        survey=survey,
        question=question,
    )


@area_view("manage_surveys")
@require_POST
def question_move(request: HttpRequest, area: LocalArea, survey_id: int, key: str) -> HttpResponse:
    survey = get_survey(area, survey_id)
    step = -1 if request.POST.get("direction") == "up" else 1
    try:
        actions.move_question(
            actor=request.user, survey=survey, key=key, step=step, request=request
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("surveys:detail", area.code, survey.pk)


@area_view("manage_surveys")
def bank_add(request: HttpRequest, area: LocalArea, survey_id: int) -> HttpResponse:
    """Add questions from the audience's question bank."""
    survey = get_survey(area, survey_id)
    have = {q["key"] for q in survey.questions}
    available = [q for q in audiences()[survey.audience].questions if q.key not in have]
    form = BankQuestionsForm(request.POST or None, available=available)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_bank_questions(
                actor=request.user, survey=survey, keys=form.cleaned_data["keys"], request=request
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            return _saved(request, area, survey.pk, "Questions added from the bank.")
    return page(
        request,
        area,
        "bank.html",
        "Add questions from the bank",
        survey=survey,
        form=form,
        available=available,
    )
