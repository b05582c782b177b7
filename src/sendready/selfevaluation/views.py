"""Self-evaluation pages: the criteria at a glance, one criterion, its edit, lead and comments."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sendready.areas.access import area_view, can, role_in
from sendready.areas.models import LocalArea
from sendready.domain.inspection.criteria import latest_for
from sendready.govuk_forms import add_validation_error
from sendready.selfevaluation import actions
from sendready.selfevaluation.access import (
    criteria_of,
    find_self_evaluation,
    get_entry,
    get_self_evaluation,
    may_edit_entry,
)
from sendready.selfevaluation.forms import CommentForm, EntryForm, LeadForm
from sendready.selfevaluation.models import SelfEvaluation
from sendready.selfevaluation.presenters import (
    criteria_rows,
    position_titles,
    saved_assessment,
    sef_coverage,
)


def page_context(
    request: HttpRequest, area: LocalArea, sef: SelfEvaluation, title: str, **extra
) -> dict:
    """What every self-evaluation page needs."""
    return {
        "title": title,
        "area": area,
        "sef": sef,
        "criteria": criteria_of(sef),
        "positions": position_titles(sef),
        "active_nav": "self_evaluation",
        "can_add_evidence": can(request.user, "add_evidence", area),
        "can_assign": can(request.user, "assign_system_leads", area),
        "can_assess": can(request.user, "assess_outcome", area),
        "can_manage_annex": can(request.user, "manage_annex_a", area),
        **extra,
    }


def _since(request: HttpRequest) -> dt.date | None:
    try:
        return dt.date.fromisoformat(request.GET.get("since", ""))
    except ValueError:
        return None


@area_view("view_self_evaluation")
def overview(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Every criterion with its lead, position and evidence gaps; the self-assessment at a glance."""
    sef = find_self_evaluation(area)
    if sef is None:
        criteria = latest_for(actions.CURRENT_FRAMEWORK)
        return render(
            request,
            "selfevaluation/start.html",
            {
                "title": "Self-evaluation",
                "area": area,
                "criteria": criteria,
                "active_nav": "self_evaluation",
                "can_start": can(request.user, "start_self_evaluation", area),
            },
        )
    since = _since(request)
    today = timezone.localdate()
    cov = sef_coverage(sef, today, since)
    earlier = SelfEvaluation.objects.filter(area=area).exclude(pk=sef.pk)
    latest = latest_for(sef.framework)
    return render(
        request,
        "selfevaluation/overview.html",
        page_context(
            request,
            area,
            sef,
            "Self-evaluation",
            groups=criteria_rows(sef, cov),
            coverage=cov,
            since=since,
            since_text=request.GET.get("since", ""),
            assessment=saved_assessment(sef, today),
            earlier=earlier,
            newer=None if latest.version == sef.criteria_version else latest,
        ),
    )


@area_view("start_self_evaluation")
@require_POST
def start(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Start the area's self-evaluation against the newest criteria (the only way one is made)."""
    actions.start_self_evaluation(actor=request.user, area=area, request=request)
    messages.success(request, "Self-evaluation started.")
    return redirect("selfevaluation:overview", area.code)


@area_view("view_self_evaluation")
def criterion(request: HttpRequest, area: LocalArea, criterion_key: str) -> HttpResponse:
    """One criterion: position, rationale, the three questions, evidence, comments and history."""
    sef = get_self_evaluation(area)
    entry = get_entry(sef, criterion_key)
    evidence = [e for e in sef.evidence.select_related("owner") if criterion_key in e.criteria]
    return render(
        request,
        "selfevaluation/criterion.html",
        page_context(
            request,
            area,
            sef,
            criteria_of(sef).criterion(criterion_key).text,
            entry=entry,
            item=criteria_of(sef).criterion(criterion_key),
            evidence=evidence,
            comments=sef.comments.filter(criterion_key=criterion_key),
            history=sef.changes.filter(criterion_key=criterion_key)[:50],
            can_edit=may_edit_entry(request.user, area, entry),
            can_comment=can(request.user, "comment_self_evaluation", area),
            comment_form=CommentForm(),
        ),
    )


@area_view("edit_criteria")
def criterion_edit(request: HttpRequest, area: LocalArea, criterion_key: str) -> HttpResponse:
    """Write the area's position, rationale and the answers to the three questions."""
    sef = get_self_evaluation(area)
    entry = get_entry(sef, criterion_key)
    if not may_edit_entry(request.user, area, entry):
        if request.method == "POST":
            raise PermissionDenied(
                "Only the criterion's system lead, a LANO or a senior leader can edit it."
            )
        # A role that can lead criteria, but not this one: the criterion says who can edit it.
        return redirect("selfevaluation:criterion", area.code, criterion_key)
    criteria = criteria_of(sef)
    initial = {f: getattr(entry, f) for f in actions.ENTRY_LABELS}
    form = EntryForm(
        request.POST or None,
        initial=initial,
        positions=list(position_titles(sef).items()),
        criteria=criteria,
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = actions.save_entry(
                actor=request.user, entry=entry, values=form.cleaned_data, request=request
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "Saved." if changed else "Nothing had changed.")
            return redirect("selfevaluation:criterion", area.code, criterion_key)
    return render(
        request,
        "selfevaluation/criterion_edit.html",
        page_context(
            request,
            area,
            sef,
            "Edit criterion " + criteria.criterion(criterion_key).number,
            entry=entry,
            item=criteria.criterion(criterion_key),
            form=form,
        ),
    )


@area_view("assign_system_leads")
def criterion_lead(request: HttpRequest, area: LocalArea, criterion_key: str) -> HttpResponse:
    """Name the criterion's system lead (a member of the area)."""
    sef = get_self_evaluation(area)
    entry = get_entry(sef, criterion_key)
    form = LeadForm(request.POST or None, initial={"lead": entry.lead_id}, area=area)
    if request.method == "POST" and form.is_valid():
        lead_id = form.cleaned_data["lead"]
        lead = get_user_model().objects.filter(pk=lead_id).first() if lead_id else None
        try:
            actions.set_lead(actor=request.user, entry=entry, lead=lead, request=request)
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "System lead saved.")
            return redirect("selfevaluation:criterion", area.code, criterion_key)
    criteria = criteria_of(sef)
    return render(
        request,
        "selfevaluation/criterion_lead.html",
        page_context(
            request,
            area,
            sef,
            "Choose the system lead",
            entry=entry,
            item=criteria.criterion(criterion_key),
            form=form,
        ),
    )


@area_view("comment_self_evaluation")
@require_POST
def criterion_comment(request: HttpRequest, area: LocalArea, criterion_key: str) -> HttpResponse:
    """Add a co-production comment to a criterion."""
    sef = get_self_evaluation(area)
    get_entry(sef, criterion_key)
    form = CommentForm(request.POST)
    if form.is_valid():
        role = role_in(request.user, area)
        actions.add_comment(
            actor=request.user,
            sef=sef,
            criterion_key=criterion_key,
            text=form.cleaned_data["text"],
            role=role.label if role else "",
            request=request,
        )
        messages.success(request, "Comment added.")
    else:
        messages.error(
            request,
            " ".join(str(e) for e in form.errors.get("text", [])) or "The comment was not added.",
        )
    return redirect("selfevaluation:criterion", area.code, criterion_key)
