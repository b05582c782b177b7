"""One request: add (singly or pasted), read, change, answer, comment, move, review and release."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sendready.areas.access import area_view, can
from sendready.areas.models import LocalArea
from sendready.domain.requests.due import london
from sendready.domain.requests.rules import SAME_HANDS, load_rules, moves_from
from sendready.govuk_forms import add_validation_error
from sendready.inspection_requests import actions
from sendready.inspection_requests.access import get_inspection, get_request, is_owner, may_work_on
from sendready.inspection_requests.actions import RequestValues
from sendready.inspection_requests.forms import (
    AnswerForm,
    FileForm,
    MoveForm,
    PasteForm,
    RequestCommentForm,
    RequestForm,
)
from sendready.inspection_requests.related import related_choices
from sendready.inspection_requests.views.common import owners, page_context


def _values(form, title: str = "") -> RequestValues:
    data = form.cleaned_data
    asked, due = form.moments()
    return RequestValues(
        title=title or data.get("title", ""),
        details=data.get("details", ""),
        asked_by=data.get("asked_by", ""),
        criterion=data.get("criterion", ""),
        tracked_case=data.get("tracked_case", ""),
        strand=data.get("strand", ""),
        organisation=data.get("organisation", ""),
        owner=form.chosen_owner(),
        requested_at=asked,
        due_at=due,
    )


@area_view("manage_requests")
def request_new(request: HttpRequest, area: LocalArea, inspection_id: int) -> HttpResponse:
    """Record one request inspectors made."""
    inspection = get_inspection(area, inspection_id)
    form = RequestForm(
        request.POST or None,
        owners=owners(area),
        related=related_choices(area, request.user, inspection),
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = actions.add_request(
                actor=request.user, inspection=inspection, values=_values(form), request=request
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, f"Request ‘{item.title}’ added.")
            return redirect("inspection_requests:board", area.code, inspection.pk)
    return render(
        request,
        "inspection_requests/request_form.html",
        page_context(request, area, "Add a request", form=form, inspection=inspection, item=None),
    )


@area_view("manage_requests")
def request_paste(request: HttpRequest, area: LocalArea, inspection_id: int) -> HttpResponse:
    """Add many requests at once from a list pasted out of the inspectors' email."""
    inspection = get_inspection(area, inspection_id)
    form = PasteForm(request.POST or None, owners=owners(area))
    if request.method == "POST" and form.is_valid():
        values = _values(form, title="(from the list)")
        try:
            items = actions.add_pasted_requests(
                actor=request.user,
                inspection=inspection,
                text=form.cleaned_data["lines"],
                values=values,
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, f"{len(items)} requests added.")
            return redirect("inspection_requests:board", area.code, inspection.pk)
    return render(
        request,
        "inspection_requests/paste.html",
        page_context(request, area, "Add requests from a list", form=form, inspection=inspection),
    )


def _detail_context(request: HttpRequest, area: LocalArea, item, **forms) -> dict:
    states = load_rules().states
    versions = list(
        item.versions.prefetch_related("files").select_related("released_by").order_by("-number")
    )
    draft = next((v for v in versions if not v.is_released), None)
    moves = moves_from(
        item.state,
        is_owner=is_owner(request.user, item) and can(request.user, "work_on_requests", area),
        is_reviewer=can(request.user, "review_requests", area),
        is_manager=can(request.user, "manage_requests", area),
    )
    release_refused = ""
    if draft is not None and request.user.pk in draft.preparers():
        release_refused = SAME_HANDS if any(m.target == "released" for m in moves) else ""
        moves = [m for m in moves if m.target != "released"]
    return page_context(
        request,
        area,
        item.title,
        item=item,
        inspection=item.inspection,
        state=states[item.state],
        versions=versions,
        draft=draft,
        moves=moves,
        related=related_choices(area, request.user, item.inspection).words(item),
        release_refused=release_refused,
        may_work=may_work_on(request.user, item),
        events=item.events.select_related("by"),
        answer_form=forms.get("answer_form")
        or AnswerForm(initial={"answer": draft.answer, "link": draft.link} if draft else None),
        file_form=forms.get("file_form") or FileForm(),
        comment_form=forms.get("comment_form") or RequestCommentForm(),
        move_form=forms.get("move_form") or MoveForm(),
        form=forms.get("form"),
        now=timezone.now(),
    )


@area_view("view_requests")
def request_detail(request: HttpRequest, area: LocalArea, request_id: int) -> HttpResponse:
    """The request, its versions and files, its history and comments, and what can be done next."""
    item = get_request(area, request_id)
    return render(request, "inspection_requests/detail.html", _detail_context(request, area, item))


@area_view("manage_requests")
def request_edit(request: HttpRequest, area: LocalArea, request_id: int) -> HttpResponse:
    """Change what was asked, when it is due or who owns it."""
    item = get_request(area, request_id)
    asked, due = london(item.requested_at), london(item.due_at)
    initial = {
        "title": item.title,
        "details": item.details,
        "criterion": item.criterion,
        "tracked_case": item.tracked_case,
        "asked_by": item.asked_by,
        "asked_date": asked.date(),
        "asked_time": asked.time(),
        "due_date": due.date(),
        "due_time": due.time(),
        "owner": str(item.owner_id or ""),
        "organisation": item.organisation,
        "strand": item.strand,
    }
    related = related_choices(area, request.user, item.inspection)
    form = RequestForm(request.POST or None, initial=initial, owners=owners(area), related=related)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_request(
                actor=request.user, item=item, values=_values(form), request=request
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "Request saved.")
            return redirect("inspection_requests:detail", area.code, item.pk)
    return render(
        request,
        "inspection_requests/request_form.html",
        page_context(
            request,
            area,
            f"Change request: {item.title}",
            form=form,
            inspection=item.inspection,
            item=item,
        ),
    )


def _again(request: HttpRequest, area: LocalArea, item, status: int = 400, **forms) -> HttpResponse:
    context = _detail_context(request, area, item, **forms)
    return render(request, "inspection_requests/detail.html", context, status=status)


@area_view("work_on_requests")
@require_POST
def request_move(request: HttpRequest, area: LocalArea, request_id: int) -> HttpResponse:
    """Start work, send for review, release, send back, withdraw, reinstate or start a new version."""
    item = get_request(area, request_id)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            item = actions.move_request(
                actor=request.user,
                item=item,
                target=form.cleaned_data["target"],
                note=form.cleaned_data["note"],
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, f"‘{item.title}’ is now {item.get_state_display().lower()}.")
            return redirect("inspection_requests:detail", area.code, item.pk)
    return _again(request, area, item, status=409, move_form=form, form=form)


@area_view("work_on_requests")
@require_POST
def request_answer(request: HttpRequest, area: LocalArea, request_id: int) -> HttpResponse:
    """Save the written answer and link of the version being prepared."""
    item = get_request(area, request_id)
    from sendready.inspection_requests.access import require_work

    require_work(request.user, item)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            actions.save_answer(
                actor=request.user,
                item=item,
                answer=form.cleaned_data["answer"],
                link=form.cleaned_data["link"],
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "Answer saved.")
            return redirect("inspection_requests:detail", area.code, item.pk)
    return _again(request, area, item, answer_form=form, form=form)


@area_view("work_on_requests")
@require_POST
def request_comment(request: HttpRequest, area: LocalArea, request_id: int) -> HttpResponse:
    """Add a comment for the owner and reviewers."""
    item = get_request(area, request_id)
    form = RequestCommentForm(request.POST)
    if form.is_valid():
        actions.add_comment(
            actor=request.user, item=item, text=form.cleaned_data["text"], request=request
        )
        messages.success(request, "Comment added.")
        return redirect("inspection_requests:detail", area.code, item.pk)
    return _again(request, area, item, comment_form=form, form=form)
