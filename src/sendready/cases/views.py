"""Tracked case pages: the list, choosing a practice sample, recording inspectors' choice, a case,
and replacing a case whose family declined."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sendready.areas.access import area_view, can
from sendready.areas.models import LocalArea
from sendready.areas.registry import ActiveInspection, active_inspection, find_snapshot
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.cases import actions
from sendready.cases.access import get_case_for_user, is_auditor, is_lano, own_audit
from sendready.cases.constants import CaseStatus
from sendready.cases.forms import DeclineForm, NamedCasesForm, SampleForm
from sendready.cases.models import CaseSelection, TrackedCase
from sendready.cases.presenters import case_rows, profile_rows
from sendready.domain.cases.audit_framework import load_audit_framework
from sendready.domain.cases.evidence import NAMED_STEP
from sendready.domain.cases.mixes import mix_for
from sendready.govuk_forms import add_validation_error


def page(request: HttpRequest, area: LocalArea, title: str, **extra) -> dict:
    """What every tracked-case page needs."""
    return {
        "title": title,
        "area": area,
        "active_nav": "cases",
        "is_lano": is_lano(request.user, area),
        "can_manage": can(request.user, "manage_cases", area),
        "can_see_agreement": can(request.user, "view_audit_agreement", area),
        "can_see_lists": can(request.user, "view_focused_sampling", area),
        **extra,
    }


@area_view("view_cases")
def case_list(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Every selection of cases, showing only the cases this person may open."""
    lano = is_lano(request.user, area)
    visible = TrackedCase.objects.for_area(area).visible_to(request.user, lano)
    if not lano:
        visible = visible.exclude(status=CaseStatus.SUBSTITUTE)
    selections = []
    for selection in CaseSelection.objects.filter(area=area):
        cases = [c for c in visible if c.selection_id == selection.pk]
        if cases or lano:
            selections.append({"selection": selection, "rows": case_rows(area, cases)})
    record(request, AuditAction.VIEWED, "tracked_case_list", "", area=area)
    return render(
        request,
        "cases/list.html",
        page(request, area, "Tracked cases", selections=selections),
    )


def _linked(form, inspection: ActiveInspection | None) -> ActiveInspection | None:
    """The active inspection when the form says the cases belong to it."""
    return inspection if inspection and form.cleaned_data.get("for_inspection") else None


def _named_day(inspection: ActiveInspection | None) -> dt.date:
    """The inspection timeline's day for naming cases, or today."""
    step = inspection.steps.get(NAMED_STEP) if inspection else None
    return step.date if step else dt.date.today()


@area_view("manage_cases")
def sample_new(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Choose a practice sample from the latest snapshot under a case mix, adjusted if wanted."""
    snapshot = find_snapshot(area)
    inspection = active_inspection(area)
    form = SampleForm(request.POST or None, initial={"named_on": dt.date.today()})
    if snapshot is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            selection = actions.draw_practice_sample(
                actor=request.user,
                area=area,
                snapshot=snapshot,
                mix=data["mix"],
                seed=data["seed"],
                named_on=data["named_on"],
                mix_changes=form.mix_changes(),
                inspection=_linked(form, inspection),
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, f"{selection.title}: {selection.cases.count()} cases chosen.")
            return redirect("cases:selection", area.code, selection.pk)
    return render(
        request,
        "cases/sample_new.html",
        page(
            request,
            area,
            "Choose a practice sample",
            form=form,
            snapshot=snapshot,
            inspection=inspection,
        ),
    )


@area_view("manage_cases")
def named_new(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Record the cases inspectors named, and their substitutes."""
    snapshot = find_snapshot(area)
    inspection = active_inspection(area)
    initial = {"named_on": _named_day(inspection), "for_inspection": inspection is not None}
    form = NamedCasesForm(request.POST or None, initial=initial)
    if snapshot is not None and request.method == "POST" and form.is_valid():
        try:
            selection = actions.record_named_cases(
                actor=request.user,
                area=area,
                snapshot=snapshot,
                tracked_ids=form.tracked(),
                substitute_ids=form.substitutes(),
                named_on=form.cleaned_data["named_on"],
                inspection=_linked(form, inspection),
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, f"{selection.title}: recorded.")
            return redirect("cases:selection", area.code, selection.pk)
    return render(
        request,
        "cases/named_new.html",
        page(
            request,
            area,
            "Record the cases inspectors named",
            form=form,
            snapshot=snapshot,
            inspection=inspection,
        ),
    )


@area_view("view_cases")
def selection_detail(request: HttpRequest, area: LocalArea, selection_id: int) -> HttpResponse:
    """One selection: its cases (those this person may open), substitutes and any shortfall."""
    selection = CaseSelection.objects.filter(area=area, pk=selection_id).first()
    if selection is None:
        raise Http404("No such selection of cases.")
    lano = is_lano(request.user, area)
    cases = list(selection.cases.visible_to(request.user, lano).select_related("replaces"))
    if not lano and not cases:
        raise Http404("No such selection of cases, or none of its cases is assigned to you.")
    record(request, AuditAction.VIEWED, "case_selection", selection.pk, area=area, detail="cases")
    mix = mix_for(selection.mix, selection.mix_changes) if selection.mix else None
    by_status = {s: [c for c in cases if c.status == s] for s in CaseStatus}
    active = active_inspection(area)
    linked = active if active and active.pk == selection.inspection_id else None
    return render(
        request,
        "cases/selection.html",
        page(
            request,
            area,
            selection.title,
            selection=selection,
            mix=mix,
            inspection_notified=linked.notified_on if linked else None,
            tracked=case_rows(area, by_status[CaseStatus.TRACKED]),
            substitutes=case_rows(area, by_status[CaseStatus.SUBSTITUTE]),
            declined=by_status[CaseStatus.DECLINED],
        ),
    )


@area_view("view_cases")
def case_detail(request: HttpRequest, area: LocalArea, case_id: int) -> HttpResponse:
    """A case's workspace: why it was chosen, the team, evidence, consent, meeting and audits."""
    case = get_case_for_user(request, area, case_id)
    return render(
        request,
        "cases/case.html",
        page(
            request,
            area,
            f"Case {case.person_id}",
            case=case,
            profile=profile_rows(case),
            members=case.members.select_related("user"),
            evidence=case.evidence.select_related("owner").prefetch_related("files"),
            audits=case.audits.select_related("auditor"),
            my_audit=own_audit(case, request.user),
            auditor=is_auditor(case, request.user),
            moderation=getattr(case, "moderation", None),
            grade_labels={g.key: g.label for g in load_audit_framework().grades},
        ),
    )


@area_view("manage_cases")
def case_decline(request: HttpRequest, area: LocalArea, case_id: int) -> HttpResponse:
    """The family declined: record why and track a substitute instead."""
    case = get_case_for_user(request, area, case_id, write=True, what="replace case")
    # This case's own substitute first, then the others in order.
    substitutes = sorted(
        case.selection.cases.filter(status=CaseStatus.SUBSTITUTE).order_by("position"),
        key=lambda s: s.substitute_for_id != case.pk,
    )
    form = DeclineForm(request.POST or None, substitutes=substitutes)
    if request.method == "POST" and form.is_valid():
        chosen = next(s for s in substitutes if s.pk == form.cleaned_data["substitute"])
        try:
            new = actions.decline_case(
                actor=request.user,
                case=case,
                reason=form.cleaned_data["reason"],
                substitute=chosen,
                inspection=active_inspection(area),
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, f"Case {new.person_id} is now tracked instead.")
            return redirect("cases:case", area.code, new.pk)
    return render(
        request,
        "cases/decline.html",
        page(
            request,
            area,
            f"Replace case {case.person_id}",
            case=case,
            form=form,
            has_substitutes=bool(substitutes),
        ),
    )
