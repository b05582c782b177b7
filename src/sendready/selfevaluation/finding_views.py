"""Pinning another capability's finding (tracked cases' audit themes, survey results) as evidence."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sendready.areas.access import area_view, can
from sendready.areas.models import LocalArea
from sendready.areas.registry import FINDING_SOURCES, Finding, FindingSource, find_finding
from sendready.govuk_forms import add_validation_error
from sendready.selfevaluation import evidence_actions
from sendready.selfevaluation.access import criteria_of, get_self_evaluation
from sendready.selfevaluation.evidence_forms import FindingForm
from sendready.selfevaluation.models import Evidence
from sendready.selfevaluation.views import page_context


def offered(user, area: LocalArea) -> list[tuple[FindingSource, list[Finding]]]:
    """Each source this person may see, with the findings it offers now."""
    return [
        (source, source.offer(area))
        for source in sorted(FINDING_SOURCES.values(), key=lambda s: s.title)
        if can(user, source.permission, area)
    ]


def may_see_source(user, area: LocalArea, item: Evidence) -> bool:
    source = FINDING_SOURCES.get(item.finding_source)
    return source is not None and can(user, source.permission, area)


def live_finding(user, area: LocalArea, item: Evidence) -> Finding | None:
    """A pinned finding as it stands now, for someone who may see its source (else None)."""
    if not may_see_source(user, area, item):
        return None
    return find_finding(area, item.finding_source, item.finding_key)


@area_view("add_evidence")
def evidence_pin_finding(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Choose a finding another part of the service offers and pin it to criteria."""
    sef = get_self_evaluation(area)
    sources = offered(request.user, area)
    choices = [
        (f"{source.key}:{finding.key}", f"{source.title}: {finding.title}")
        for source, findings in sources
        for finding in findings
    ]
    form = FindingForm(
        request.POST or None,
        initial={"owner": request.user.pk},
        area=area,
        criteria=criteria_of(sef),
        findings=choices,
    )
    if request.method == "POST" and form.is_valid():
        source_key, _, finding_key = form.cleaned_data["finding"].partition(":")
        try:
            item = evidence_actions.pin_finding(
                actor=request.user,
                sef=sef,
                source_key=source_key,
                finding_key=finding_key,
                values=form.values(),
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "Finding pinned as evidence.")
            return redirect("selfevaluation:evidence_detail", area.code, item.pk)
    return render(
        request,
        "selfevaluation/evidence_pin_finding.html",
        page_context(
            request,
            area,
            sef,
            "Pin a finding as evidence",
            form=form,
            sources=sources,
            has_findings=bool(choices),
        ),
    )
