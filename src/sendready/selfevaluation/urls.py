from django.urls import path

from sendready.selfevaluation import (
    annex_views,
    assessment_views,
    download_views,
    evidence_views,
    finding_views,
    pin_views,
    version_views,
    views,
)

app_name = "selfevaluation"
base = "areas/<str:area_code>/self-evaluation/"
criterion = base + "criteria/<str:criterion_key>/"
evidence = base + "evidence/<int:evidence_id>/"
annex = base + "annex-a/"
urlpatterns = [
    path(base, views.overview, name="overview"),
    path(base + "start/", views.start, name="start"),
    path(base + "criteria-version/", version_views.move, name="move"),
    path(criterion, views.criterion, name="criterion"),
    path(criterion + "edit/", views.criterion_edit, name="criterion_edit"),
    path(criterion + "lead/", views.criterion_lead, name="criterion_lead"),
    path(criterion + "comment/", views.criterion_comment, name="criterion_comment"),
    path(base + "evidence/", evidence_views.evidence_list, name="evidence_list"),
    path(base + "evidence/new/", evidence_views.evidence_new, name="evidence_new"),
    path(base + "evidence/pin-indicator/", pin_views.evidence_pin, name="evidence_pin"),
    path(
        base + "evidence/pin-finding/",
        finding_views.evidence_pin_finding,
        name="evidence_pin_finding",
    ),
    path(evidence, evidence_views.evidence_detail, name="evidence_detail"),
    path(evidence + "edit/", evidence_views.evidence_edit, name="evidence_edit"),
    path(evidence + "indicator/", pin_views.evidence_repin, name="evidence_repin"),
    path(evidence + "remove/", evidence_views.evidence_remove, name="evidence_remove"),
    path(evidence + "file/", evidence_views.evidence_file, name="evidence_file"),
    path(base + "outcome/", assessment_views.assessment, name="assessment"),
    path(base + "outcome/answers/", assessment_views.assessment_edit, name="assessment_edit"),
    path(base + "self-evaluation.docx", download_views.sef_docx, name="sef_docx"),
    path(base + "self-evaluation.pdf", download_views.sef_pdf, name="sef_pdf"),
    path(annex, annex_views.checklist, name="annex_a"),
    path(annex + "start/", annex_views.start, name="annex_start"),
    path(annex + "new/", annex_views.item_new, name="annex_new"),
    path(annex + "<int:item_id>/update/", annex_views.item_update, name="annex_update"),
    path(annex + "<int:item_id>/", annex_views.item_edit, name="annex_edit"),
    path(annex + "<int:item_id>/remove/", annex_views.item_remove, name="annex_remove"),
    path(annex + "<int:item_id>/file/", annex_views.item_file, name="annex_file"),
    path(annex + "annex-a.zip", annex_views.ready_zip, name="annex_zip"),
]
