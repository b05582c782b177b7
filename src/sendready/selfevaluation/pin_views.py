"""Pinning a person-level indicator as evidence, and changing which one is pinned and the snapshot
its figure is compared from."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.areas.registry import indicator_snapshots
from sendready.govuk_forms import add_validation_error
from sendready.selfevaluation import evidence_actions
from sendready.selfevaluation.access import (
    criteria_of,
    get_evidence,
    get_self_evaluation,
    may_edit_evidence,
)
from sendready.selfevaluation.evidence_forms import PinForm
from sendready.selfevaluation.views import page_context


def _indicator_choices(area: LocalArea) -> tuple[list[tuple[str, str]], list]:
    """The indicators of the newest snapshot, and every snapshot's date (newest first)."""
    snapshots = indicator_snapshots(area)
    indicators = (
        [(v.id, v.title) for v in snapshots[0].values.values() if v.value is not None]
        if snapshots
        else []
    )
    return indicators, [s.snapshot_date for s in snapshots]


@area_view("add_evidence")
def evidence_pin(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Pin a person-level indicator as evidence: it shows its value then and in the latest snapshot."""
    sef = get_self_evaluation(area)
    indicators, dates = _indicator_choices(area)
    form = PinForm(
        request.POST or None,
        initial={"owner": request.user.pk},
        area=area,
        criteria=criteria_of(sef),
        indicators=indicators,
        snapshot_dates=dates,
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = evidence_actions.pin_indicator(
                actor=request.user,
                sef=sef,
                indicator_id=form.cleaned_data["indicator"],
                compare_from=form.cleaned_data["compare_from"],
                values=form.values(),
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "Indicator pinned as evidence.")
            return redirect("selfevaluation:evidence_detail", area.code, item.pk)
    return render(
        request,
        "selfevaluation/evidence_pin.html",
        page_context(
            request, area, sef, "Pin an indicator as evidence", form=form, has_data=bool(dates)
        ),
    )


@area_view("add_evidence")
def evidence_repin(request: HttpRequest, area: LocalArea, evidence_id: int) -> HttpResponse:
    """Change which indicator is pinned, the snapshot it is compared from, and its details."""
    sef = get_self_evaluation(area)
    item = get_evidence(sef, evidence_id, request.user, write=request.method == "POST")
    if not item.indicator_id:  # evidence with a link or file is changed on its own page
        return redirect("selfevaluation:evidence_edit", area.code, item.pk)
    if not may_edit_evidence(request.user, area, item):
        return redirect("selfevaluation:evidence_detail", area.code, item.pk)
    indicators, dates = _indicator_choices(area)
    initial = {
        "indicator": item.indicator_id,
        "compare_from": item.indicator_as_of.isoformat() if item.indicator_as_of else "",
        "title": item.title,
        "summary": item.summary,
        "criteria": item.criteria,
        "review_by": item.review_by,
        "owner": item.owner_id,
    }
    form = PinForm(
        request.POST or None,
        initial=initial,
        area=area,
        criteria=criteria_of(sef),
        indicators=indicators,
        snapshot_dates=dates,
    )
    if request.method == "POST" and form.is_valid():
        try:
            evidence_actions.change_pinned_indicator(
                actor=request.user,
                evidence=item,
                indicator_id=form.cleaned_data["indicator"],
                compare_from=form.cleaned_data["compare_from"],
                values=form.values(),
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "Pinned indicator changed.")
            return redirect("selfevaluation:evidence_detail", area.code, item.pk)
    return render(
        request,
        "selfevaluation/evidence_pin.html",
        page_context(
            request,
            area,
            sef,
            "Change the pinned indicator",
            form=form,
            has_data=bool(dates),
            item=item,
        ),
    )
