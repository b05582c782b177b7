from django.urls import path

from sendready.plans import edit_views, history_views, my_actions_views, report_views, views

app_name = "plans"
base = "areas/<str:area_code>/plans/"
plan = base + "<int:plan_id>/"
area = plan + "areas/<int:number>/"
action = area + "actions/<int:action_id>/"
urlpatterns = [
    path(base, views.plan_list, name="list"),
    path(base + "new/", views.plan_new, name="new"),
    path(plan, views.plan_detail, name="detail"),
    path(plan + "history/", history_views.history, name="history"),
    path(base + "my-actions/", my_actions_views.my_actions, name="my_actions"),
    path(plan + "monitoring-report/", report_views.report_page, name="report"),
    path(plan + "monitoring-report.docx", report_views.report_docx_download, name="report_docx"),
    path(plan + "monitoring-report.xlsx", report_views.report_xlsx_download, name="report_xlsx"),
    path(plan + "judgements/new/", edit_views.judgement_new, name="judgement_new"),
    path(plan + "areas/new/", edit_views.area_add, name="area_new"),
    path(area + "edit/", edit_views.area_edit, name="area_edit"),
    path(area + "actions/new/", edit_views.action_form, name="action_new"),
    path(action + "edit/", edit_views.action_form, name="action_edit"),
    path(action + "updates/new/", edit_views.update_new, name="update_new"),
    path(area + "measures/new/", edit_views.measure_form, name="measure_new"),
    path(area + "measures/<int:measure_id>/edit/", edit_views.measure_form, name="measure_edit"),
]
