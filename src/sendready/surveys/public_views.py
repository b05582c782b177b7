"""The pages families answer on: no account, no cookie, nothing about them kept.

One submit stores one response: a signed one-time token in the form refuses forged forms and stores a
resent or double-clicked form once. Every refusal says why on the page, with its HTTP status, and
keeps what the person typed where they can send it again."""

from collections.abc import Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from sendready.domain.surveys.answers import check_answers
from sendready.domain.surveys.bank import Question, questions_of
from sendready.domain.surveys.schedule import at
from sendready.surveys import tokens
from sendready.surveys.actions import submit_answers
from sendready.surveys.models import Survey
from sendready.surveys.submission import (
    Availability,
    availability,
    wait_before_next,
)

FIELD = "q-{}"
CLOSED_STATUS = {
    Availability.UNAPPROVED: 403,
    Availability.NO_DATES: 403,
    Availability.NOT_YET_OPEN: 403,
    Availability.CLOSED: 410,
}


def _render(request: HttpRequest, template: str, status: int = 200, **context) -> HttpResponse:
    response = render(request, f"surveys/public/{template}", context, status=status)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _not_found(request: HttpRequest) -> HttpResponse:
    return _render(request, "not_found.html", 404, title="Survey not found", survey=None)


def _unavailable(request: HttpRequest, survey: Survey, state: Availability) -> HttpResponse:
    when = at(survey.opens_at) if state is Availability.NOT_YET_OPEN and survey.opens_at else ""
    closed = at(survey.closes_at) if state is Availability.CLOSED and survey.closes_at else ""
    title = "This survey has closed" if state is Availability.CLOSED else "This survey is not open"
    return _render(
        request,
        "unavailable.html",
        CLOSED_STATUS[state],
        title=title,
        survey=survey,
        state=state.value,
        opens=when,
        closed=closed,
    )


def _submitted(questions: Sequence[Question], request: HttpRequest) -> dict[str, list[str]]:
    return {q.key: request.POST.getlist(FIELD.format(q.key)) for q in questions}


def _form(
    request: HttpRequest,
    survey: Survey,
    questions: list[Question],
    *,
    values: dict[str, list[str]] | None = None,
    errors: dict[str, str] | None = None,
    step: int = 0,
    notice: str = "",
    status: int = 200,
    token: str = "",
) -> HttpResponse:
    errors = errors or {}
    by_key = {q.key: q for q in questions}
    shown = [questions[step]] if survey.easy_read else questions
    return _render(
        request,
        "answer.html",
        status,
        title=("Error: " if errors or notice else "")
        + (shown[0].text if survey.easy_read else survey.title),
        survey=survey,
        questions=shown,
        hidden={k: v for k, v in (values or {}).items() if k not in {q.key for q in shown}},
        values=values or {},
        errors=errors,
        error_items=[
            {"text": text, "href": "#" + FIELD.format(key)}
            for key, text in errors.items()
            if key in by_key
        ],
        notice=notice,
        token=token or tokens.issue(survey.pk),
        step=step,
        steps=len(questions),
        max_chars=settings.SURVEY_ANSWER_MAX_CHARS,
    )


@csrf_exempt  # the signed one-time token does this job, and no cookie is set on families' phones
@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, slug: str) -> HttpResponse:
    """Show the survey (GET) or take its answers (POST)."""
    survey = Survey.objects.select_related("area").filter(slug=slug).first()
    if survey is None:
        return _not_found(request)
    state = availability(survey)
    if state is not Availability.OPEN:
        return _unavailable(request, survey, state)
    questions = questions_of(survey.questions)
    if request.method == "GET" or not questions:
        return _form(request, survey, questions)
    return _post(request, survey, questions)


def _post(request: HttpRequest, survey: Survey, questions: list[Question]) -> HttpResponse:
    checked = tokens.check(request.POST.get("token", ""), survey.pk)
    if checked.problem == "forged":
        return _render(
            request, "refused.html", 400, title="This form could not be checked", survey=survey
        )
    values = _submitted(questions, request)
    if survey.easy_read:
        step, moving = _easy_read_step(request, survey, questions, values, checked.problem)
        if moving is not None:
            return moving
    else:
        step = 0
    if checked.problem == "expired":
        return _form(
            request,
            survey,
            questions,
            values=values,
            step=step,
            status=400,
            notice="This page was open for a long time, so we could not take your answers. "
            "They are still here: check them and send them again.",
        )
    check = check_answers(questions, values, settings.SURVEY_ANSWER_MAX_CHARS)
    if not check.ok:
        first = next(i for i, q in enumerate(questions) if q.key in check.errors)
        return _form(
            request,
            survey,
            questions,
            values=values,
            errors=check.errors,
            step=first if survey.easy_read else 0,
            status=400,
            token=request.POST.get("token", ""),
        )
    wait = wait_before_next(survey)
    if wait > 0:
        response = _form(
            request,
            survey,
            questions,
            values=values,
            step=step,
            status=429,
            token=request.POST.get("token", ""),
            notice="A lot of people are answering right now. Wait a minute, then send your answers "
            "again. They are still here.",
        )
        response["Retry-After"] = str(max(1, round(wait)))
        return response
    if not submit_answers(survey=survey, answers=check.answers, digest=checked.digest):
        return _render(
            request, "already_sent.html", 409, title="Your answers were already sent", survey=survey
        )
    return redirect("surveys:thanks", survey.slug, permanent=False)


def _easy_read_step(
    request: HttpRequest,
    survey: Survey,
    questions: list[Question],
    values: dict[str, list[str]],
    token_problem: str,
) -> tuple[int, HttpResponse | None]:
    """One question per page: go back, or check this page's question and show the next. Returns the
    page a response is needed for (None on the last page, which sends)."""
    try:
        step = min(max(int(request.POST.get("step", "0")), 0), len(questions) - 1)
    except ValueError:
        step = 0
    token = "" if token_problem else request.POST.get("token", "")  # an expired one is renewed
    if request.POST.get("nav") == "back":
        return step, _form(
            request, survey, questions, values=values, step=max(step - 1, 0), token=token
        )
    check = check_answers([questions[step]], values, settings.SURVEY_ANSWER_MAX_CHARS)
    if not check.ok:
        return step, _form(
            request,
            survey,
            questions,
            values=values,
            errors=check.errors,
            step=step,
            status=400,
            token=token,
        )
    if step < len(questions) - 1:
        return step, _form(request, survey, questions, values=values, step=step + 1, token=token)
    return step, None


@never_cache
def thanks(request: HttpRequest, slug: str) -> HttpResponse:
    survey = Survey.objects.select_related("area").filter(slug=slug).first()
    if survey is None:
        return _not_found(request)
    return _render(request, "thanks.html", title="Thank you", survey=survey)
