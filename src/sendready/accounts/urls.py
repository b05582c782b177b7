from django.urls import path

from sendready.accounts import people_views, views

app_name = "accounts"
urlpatterns = [
    path("areas/switch/", views.switch_area, name="switch_area"),
    path("areas/<str:area_code>/", views.area_home, name="area_home"),
    path("areas/<str:area_code>/people/", people_views.people, name="people"),
    path(
        "areas/<str:area_code>/people/<int:member_id>/",
        people_views.member_edit,
        name="member_edit",
    ),
    path(
        "areas/<str:area_code>/people/<int:member_id>/remove/",
        people_views.member_remove,
        name="member_remove",
    ),
    path("areas/<str:area_code>/audit/", people_views.audit_log, name="audit_log"),
]
