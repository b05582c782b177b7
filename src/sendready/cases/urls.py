from django.urls import path

from sendready.cases import cohort_views, team_views, views

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
    path(base + "focused-sampling/", cohort_views.cohorts, name="cohorts"),
    path(base + "focused-sampling/<str:cohort_key>/", cohort_views.cohort_list, name="cohort"),
    path(
        base + "focused-sampling/<str:cohort_key>.xlsx",
        cohort_views.cohort_xlsx,
        name="cohort_xlsx",
    ),
]
