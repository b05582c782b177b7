"""Case file audit pages: an auditor's audit, the chair's moderation, the framework, and agreement."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.cases import audit_actions, themes
from sendready.cases.access import get_case_for_user, is_auditor, own_audit
from sendready.cases.audit_forms import AuditForm, FrameworkForm, ModerationForm
from sendready.cases.audit_framework import framework_for
from sendready.cases.constants import AuditStatus
from sendready.cases.views import page
from sendready.cases.workspace_forms import WithdrawAuditForm
from sendready.documents.xlsx import table_to_xlsx
from sendready.domain.cases.audit_framework import load_audit_framework
from sendready.govuk_forms import add_validation_error

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _show_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        add_validation_error(form, exc)


@area_view("view_cases")
def audit_edit(request: HttpRequest, area: LocalArea, case_id: int) -> HttpResponse:
    """An auditor grades each section on their own; once submitted, the audit is read-only."""
    case = get_case_for_user(request, area, case_id, what="case file audit")
    if not is_auditor(case, request.user):
        raise PermissionDenied("Only the auditors on this case's team audit it.")
    framework = framework_for(area)
    audit = own_audit(case, request.user)
    submitted = audit is not None and audit.status == AuditStatus.SUBMITTED
    form = AuditForm(
        None if submitted else (request.POST or None),
        framework=framework,
        initial=AuditForm.initial_from(audit),
    )
    if request.method == "POST" and not submitted and form.is_valid():
        submit = request.POST.get("do") == "submit"
        try:
            audit = audit_actions.save_audit(
                actor=request.user, case=case, values=form.values(), submit=submit, request=request
            )
        except ValidationError as exc:
            _show_errors(form, exc)
        else:
            messages.success(request, "Audit submitted." if submit else "Audit saved.")
            return redirect("cases:case", area.code, case.pk)
    return render(
        request,
        "cases/audit.html",
        page(
            request,
            area,
            f"Case file audit: {case.person_id}",
            case=case,
            form=form,
            framework=framework,
            audit=audit,
            submitted=submitted,
            moderated=hasattr(case, "moderation"),
        ),
    )


@area_view("view_cases")
def audit_withdraw(request: HttpRequest, area: LocalArea, case_id: int) -> HttpResponse:
    """The auditor takes back their submitted audit, before moderation, saying why."""
    case = get_case_for_user(request, area, case_id, what="withdraw case file audit")
    audit = own_audit(case, request.user)
    if audit is None or audit.status != AuditStatus.SUBMITTED:
        return redirect("cases:case", area.code, case.pk)  # nothing of theirs to withdraw
    form = WithdrawAuditForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            audit_actions.withdraw_audit(
                actor=request.user, audit=audit, reason=form.cleaned_data["reason"], request=request
            )
        except ValidationError as exc:
            _show_errors(form, exc)
        else:
            messages.success(request, "Your audit is withdrawn. Change it and submit it again.")
            return redirect("cases:audit", area.code, case.pk)
    return render(
        request,
        "cases/withdraw.html",
        page(request, area, f"Withdraw your audit: case {case.person_id}", case=case, form=form),
    )


@area_view("manage_cases")
def moderation(request: HttpRequest, area: LocalArea, case_id: int) -> HttpResponse:
    """Compare the auditors' grades section by section and record the agreed grades."""
    case = get_case_for_user(request, area, case_id, write=True, what="moderation")
    framework = framework_for(area)
    audits = list(
        case.audits.filter(status=AuditStatus.SUBMITTED)
        .select_related("auditor")
        .prefetch_related("grades")
    )
    existing = getattr(case, "moderation", None)
    initial = (
        {f"{k}__grade": v for k, v in existing.agreed.items()} | {"notes": existing.notes}
        if existing
        else ModerationForm.suggested(framework, audits)
    )
    form = ModerationForm(request.POST or None, framework=framework, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            done = audit_actions.moderate_case(
                actor=request.user,
                case=case,
                agreed=form.agreed(),
                notes=form.cleaned_data["notes"],
                request=request,
            )
        except ValidationError as exc:
            _show_errors(form, exc)
        else:
            label = framework.grade(done.overall_grade).label
            messages.success(request, f"Agreed grade for case {case.person_id}: {label}.")
            return redirect("cases:case", area.code, case.pk)
    grid = [
        {
            "section": s,
            "grades": [
                next((r.grade for r in a.grades.all() if r.section == s.key), "") for a in audits
            ],
        }
        for s in framework.active_sections
    ]
    return render(
        request,
        "cases/moderation.html",
        page(
            request,
            area,
            f"Moderate case {case.person_id}",
            case=case,
            form=form,
            framework=framework,
            audits=audits,
            grid=grid,
            labels={g.key: g.label for g in framework.grades},
        ),
    )


@area_view("adapt_audit_framework")
def framework_edit(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """The area's own version of the audit framework: weights, guidance, sections in use."""
    framework = framework_for(area)
    form = FrameworkForm(
        request.POST or None, framework=framework, initial=FrameworkForm.initial_from(framework)
    )
    if request.method == "POST" and form.is_valid():
        default_limit = load_audit_framework().limit_if_any_inadequate
        try:
            audit_actions.adapt_framework(
                actor=request.user,
                area=area,
                changes=form.changes(default_limit),
                request=request,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, "The audit framework is saved.")
            return redirect("cases:framework", area.code)
    return render(
        request,
        "cases/framework.html",
        page(request, area, "Case file audit framework", form=form, framework=framework),
    )


@area_view("view_audit_agreement")
def agreement(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """How far auditors agree, and what the agreed grades say by section, need and agency."""
    framework = framework_for(area)
    record(request, AuditAction.VIEWED, "case_audit_agreement", "", area=area)
    return render(
        request,
        "cases/agreement.html",
        page(
            request,
            area,
            "Case file audits: themes and agreement",
            report=themes.report(area, framework),
            themes=themes.themes(area, framework),
        ),
    )


@area_view("view_audit_agreement")
def agreement_xlsx(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """The themes and the agreement figures as a workbook (for the self-evaluation's evidence)."""
    framework = framework_for(area)
    data = themes.report(area, framework)
    rolled = themes.themes(area, framework)
    head = ["Agreed grades"] + [label for _, label in rolled["grades"]]
    figures = ["n", "Agreed", "Percent agreement", "Kappa", "Kappa 95% low", "Kappa 95% high"]
    figures += ["Weighted kappa (linear)", "Weighted kappa 95% low", "Weighted kappa 95% high"]

    def rows(items: dict) -> list[list]:
        return [
            [name, v["n"], v["agreed"], v["percent_agreement"], v["kappa"]]
            + [v["kappa_ci_low"], v["kappa_ci_high"]]
            + [v["weighted_kappa"], v["weighted_kappa_ci_low"], v["weighted_kappa_ci_high"]]
            for name, v in items.items()
        ]

    overall = {
        "All auditors against agreed": data["overall"],
        "Between auditors": data["between_auditors"],
    }
    workbook = table_to_xlsx(
        {
            "By section": (head, [[k, *v] for k, v in rolled["by_section"]]),
            "By need": (["Primary need"] + head[1:], [[k, *v] for k, v in rolled["by_need"]]),
            "By agency": (
                ["Auditor's agency"] + head[1:],
                [[k, *v] for k, v in rolled["by_agency"]],
            ),
            "Agreement": (["Who"] + figures, rows(overall)),
            "Agreement by auditor": (["Auditor"] + figures, rows(data["by_auditor"])),
            "Agreement by section": (["Section"] + figures, rows(data["by_section"])),
        }
    )
    record(request, AuditAction.EXPORTED, "case_audit_agreement", "", area=area, detail="XLSX")
    response = HttpResponse(workbook, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="case-audits-{area.code}.xlsx"'
    return response
