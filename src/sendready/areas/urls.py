"""The area overview, the area switcher and the people pages (in the URL namespace "accounts": see
sendready/urls.py)."""

from django.urls import path

from sendready.areas import people_views, views

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
    path(
        "areas/<str:area_code>/people/<int:member_id>/reset-second-factor/",
        people_views.member_reset_second_factor,
        name="member_reset_second_factor",
    ),
]
