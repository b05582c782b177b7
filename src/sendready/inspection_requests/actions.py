"""The only ways to change requests: each owns its transaction and writes its audit entry inside it."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from sendready.areas.access import can
from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.domain.requests.paste import PasteError, parse_pasted_list
from sendready.domain.requests.rules import (
    NotYourMove,
    TransitionRefused,
    check_move,
    check_releaser,
)
from sendready.inspection_requests import emails
from sendready.inspection_requests.constants import EventKind, RequestState
from sendready.inspection_requests.drafts import draft_of, editable_draft
from sendready.inspection_requests.models import (
    EvidenceFile,
    InspectionRequest,
    RequestEvent,
    Version,
)
from sendready.inspection_requests.request_values import RequestValues, check_values

OBJECT = "inspection_request"


def add_event(*, item: InspectionRequest, actor, kind: str, text: str) -> None:
    """Add a line to the request's history; part of every request action, inside its transaction."""
    RequestEvent.objects.create(request=item, by=actor, kind=kind, text=text[:4000])


def _owner_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "nobody"


def add_request(
    *, actor, inspection, values: RequestValues, request: HttpRequest | None = None
) -> InspectionRequest:
    """Record a request inspectors made, with an empty first version to answer it in; its owner
    is emailed (from the web)."""
    check_values(inspection.area, values, actor=actor, inspection=inspection)
    with transaction.atomic():
        item = _create(actor, inspection, values, request)
        if request is not None:
            emails.send_assigned(request, [item], values.owner, actor)
    return item


def _create(actor, inspection, values: RequestValues, request) -> InspectionRequest:
    """One new request and its first version, audited; callers hold the transaction."""
    area = inspection.area
    item = InspectionRequest.objects.create(
        area=area,
        inspection=inspection,
        title=values.title,
        details=values.details,
        asked_by=values.asked_by,
        requested_at=values.requested_at,
        due_at=values.due_at,
        criterion=values.criterion,
        tracked_case=values.tracked_case,
        strand=values.strand,
        organisation=values.organisation,
        owner=values.owner,
        created_by=actor,
    )
    Version.objects.create(request=item, number=1)
    add_event(
        item=item,
        actor=actor,
        kind=EventKind.CREATED,
        text=f"Added; owner {_owner_name(values.owner)}.",
    )
    record(request, AuditAction.CREATED, OBJECT, item.pk, area=area, user=actor, detail=item.title)
    return item


def add_pasted_requests(
    *, actor, inspection, text: str, values: RequestValues, request: HttpRequest | None = None
) -> list[InspectionRequest]:
    """One request per pasted line, all with the same due time and owner; all or nothing. The
    owner gets one email listing them all."""
    try:
        lines = parse_pasted_list(text)
    except PasteError as exc:
        raise ValidationError({"lines": exc.problems}) from exc
    check_values(inspection.area, values, actor=actor, inspection=inspection)
    with transaction.atomic():
        items = [
            _create(
                actor,
                inspection,
                RequestValues(**{**values.__dict__, "title": line.title}),
                request,
            )
            for line in lines
        ]
        if request is not None:
            emails.send_assigned(request, items, values.owner, actor)
    return items


def update_request(
    *, actor, item: InspectionRequest, values: RequestValues, request: HttpRequest | None = None
) -> InspectionRequest:
    """Change what was asked, when it is due or who owns it (never once released)."""
    check_values(item.area, values, actor=actor, inspection=item.inspection, before=item)
    with transaction.atomic():
        item = InspectionRequest.objects.select_for_update().get(pk=item.pk)
        _refuse_if_released(item)
        changed = [
            name
            for name in (
                "title",
                "details",
                "asked_by",
                "requested_at",
                "due_at",
                "criterion",
                "tracked_case",
                "strand",
                "organisation",
                "owner",
            )
            if getattr(item, name) != getattr(values, name)
        ]
        for name in changed:
            setattr(item, name, getattr(values, name))
        item.save()
        words = ", ".join(n.replace("_", " ") for n in changed) or "nothing"
        if "owner" in changed:
            words += f" (owner now {_owner_name(item.owner)})"
        add_event(item=item, actor=actor, kind=EventKind.CHANGED, text=f"Changed {words}.")
        record(
            request, AuditAction.CHANGED, OBJECT, item.pk, area=item.area, user=actor, detail=words
        )
        if "owner" in changed and request is not None:
            emails.send_assigned(request, [item], item.owner, actor)
    return item


def _refuse_if_released(item: InspectionRequest) -> None:
    if item.state == RequestState.RELEASED:
        raise ValidationError(
            "This request has been released to inspectors and cannot change. Start a new version "
            "to send them something else; the released one is kept."
        )


def move_request(
    *,
    actor,
    item: InspectionRequest,
    target: str,
    note: str = "",
    request: HttpRequest | None = None,
) -> InspectionRequest:
    """Move a request to another state, as the rules allow this person."""
    area = item.area
    with transaction.atomic():
        item = InspectionRequest.objects.select_for_update().select_related("area").get(pk=item.pk)
        try:
            move = check_move(
                item.state,
                target,
                is_owner=item.owner_id == actor.pk and can(actor, "work_on_requests", area),
                is_reviewer=can(actor, "review_requests", area),
                is_manager=can(actor, "manage_requests", area),
            )
        except NotYourMove as exc:
            raise PermissionDenied(str(exc)) from exc
        except TransitionRefused as exc:
            raise ValidationError(str(exc)) from exc
        now = timezone.now()
        if target == RequestState.READY_FOR_REVIEW:
            _check_something_to_review(item, actor)
        if target == RequestState.RELEASED:
            _release(item, actor, now, note)
        elif item.state == RequestState.RELEASED:
            _new_version(item)
        item.state = target
        item.save(update_fields=["state", "released_at", "updated_at"])
        text = move.label + (f": {note}" if note else "")
        add_event(
            item=item,
            actor=actor,
            kind=EventKind.RELEASED if target == "released" else EventKind.MOVED,
            text=text,
        )
        record(request, AuditAction.CHANGED, OBJECT, item.pk, area=area, user=actor, detail=text)
        if target == RequestState.READY_FOR_REVIEW and request is not None:
            emails.send_ready_for_review(request, item, _lanos(area), actor)
    return item


def _lanos(area):
    return get_user_model().objects.filter(
        memberships__area=area, memberships__role=Role.LANO, is_active=True
    )


def _check_something_to_review(item: InspectionRequest, actor) -> None:
    draft = draft_of(item)
    if draft is None or not (draft.files.exists() or draft.link or draft.answer):
        raise ValidationError(
            "There is nothing to review yet: add a file, a link or a written answer first."
        )
    draft.sent_for_review_by = actor
    draft.save(update_fields=["sent_for_review_by"])


def _release(item: InspectionRequest, actor, now: dt.datetime, note: str) -> None:
    draft = draft_of(item)
    if draft is None or not (draft.files.exists() or draft.link or draft.answer):
        raise ValidationError(
            "There is nothing to release: add a file, a link or a written answer first."
        )
    try:
        check_releaser(actor.pk, draft.preparers())
    except NotYourMove as exc:
        raise PermissionDenied(str(exc)) from exc
    draft.released_at = now
    draft.released_by = actor
    draft.release_note = note[:1000]
    draft.save(update_fields=["released_at", "released_by", "release_note"])
    item.released_at = now


def _new_version(item: InspectionRequest) -> Version:
    """A draft copying the released answer and files, to change what inspectors get next."""
    latest = item.versions.order_by("-number").first()
    assert latest is not None
    draft = Version.objects.create(
        request=item,
        number=latest.number + 1,
        answer=latest.answer,
        link=latest.link,
        answered_by=latest.answered_by,
    )
    for f in latest.files.all():
        # The same stored file: released files are never deleted, so sharing the name is safe.
        EvidenceFile.objects.create(
            version=draft,
            name=f.name,
            stored_name=f.stored_name,
            content_type=f.content_type,
            size=f.size,
            sha256=f.sha256,
            uploaded_by=f.uploaded_by,
        )
    return draft


def add_comment(
    *, actor, item: InspectionRequest, text: str, request: HttpRequest | None = None
) -> RequestEvent:
    """A comment on the request, for the owner and reviewers (never shown to inspectors)."""
    with transaction.atomic():
        event = RequestEvent.objects.create(
            request=item, by=actor, kind=EventKind.COMMENT, text=text
        )
        InspectionRequest.objects.filter(pk=item.pk).update(updated_at=timezone.now())
        record(
            request,
            AuditAction.CREATED,
            "request_comment",
            event.pk,
            area=item.area,
            user=actor,
            detail=item.title,
        )
    return event


def save_answer(
    *, actor, item: InspectionRequest, answer: str, link: str, request: HttpRequest | None = None
) -> Version:
    """The written answer and link of the version being prepared; starts work on a new request."""
    with transaction.atomic():
        item = InspectionRequest.objects.select_for_update().select_related("area").get(pk=item.pk)
        draft = editable_draft(item)
        draft.answer, draft.link, draft.answered_by = answer, link, actor
        draft.save(update_fields=["answer", "link", "answered_by"])
        start_if_new(item=item)
        add_event(
            item=item,
            actor=actor,
            kind=EventKind.CHANGED,
            text=f"Answer of version {draft.number} saved.",
        )
        record(
            request,
            AuditAction.CHANGED,
            OBJECT,
            item.pk,
            area=item.area,
            user=actor,
            detail="answer",
        )
    return draft


def start_if_new(*, item: InspectionRequest) -> None:
    """A first answer or file moves a new request to in progress; inside the action's transaction."""
    if item.state == RequestState.REQUESTED:
        item.state = RequestState.IN_PROGRESS
        item.save(update_fields=["state", "updated_at"])
