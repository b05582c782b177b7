from django.urls import path

from sendready.cases import (
    audit_views,
    cohort_views,
    inspector_views,
    portrait_views,
    team_views,
    views,
    workspace_views,
)

app_name = "cases"
base = "areas/<str:area_code>/cases/"
case = base + "<int:case_id>/"
urlpatterns = [
    path(base, views.case_list, name="list"),
    path(base + "practice/", views.sample_new, name="sample_new"),
    path(base + "named/", views.named_new, name="named_new"),
    path(base + "selections/<int:selection_id>/", views.selection_detail, name="selection"),
    path(case, views.case_detail, name="case"),
    path(case + "declined/", views.case_decline, name="decline"),
    path(case + "team/", team_views.case_team, name="team"),
    path(case + "evidence/<int:evidence_id>/", workspace_views.evidence_edit, name="evidence"),
    path(
        case + "documents/<int:document_id>/",
        workspace_views.document_download,
        name="document",
    ),
    path(case + "consent/", workspace_views.consent_edit, name="consent"),
    path(case + "meeting/", workspace_views.meeting_edit, name="meeting"),
    path(case + "pack.zip", workspace_views.pack_download, name="pack"),
    path(case + "pack.pdf", workspace_views.pack_pdf, name="pack_pdf"),
    path(case + "pen-portrait/", portrait_views.portrait_edit, name="portrait"),
    path(case + "audit/", audit_views.audit_edit, name="audit"),
    path(case + "audit/withdraw/", audit_views.audit_withdraw, name="withdraw"),
    path(case + "moderation/", audit_views.moderation, name="moderation"),
    path(base + "audit-framework/", audit_views.framework_edit, name="framework"),
    path(base + "audit-agreement/", audit_views.agreement, name="agreement"),
    path(base + "audit-agreement.xlsx", audit_views.agreement_xlsx, name="agreement_xlsx"),
    path(base + "focused-sampling/", cohort_views.cohorts, name="cohorts"),
    path(base + "focused-sampling/<str:cohort_key>/", cohort_views.cohort_list, name="cohort"),
    path(
        base + "focused-sampling/<str:cohort_key>.xlsx",
        cohort_views.cohort_xlsx,
        name="cohort_xlsx",
    ),
    path("inspector/cases/", inspector_views.inspector_cases, name="inspector_cases"),
    path(
        "inspector/cases/<int:case_id>/pack.pdf",
        inspector_views.inspector_pack,
        name="inspector_pack",
    ),
]
