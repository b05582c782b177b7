from django.urls import path

from sendready.accounts import password_views, people_views, two_factor_views, views

app_name = "accounts"
urlpatterns = [
    path("sign-in/code/", two_factor_views.verify, name="two_factor_verify"),
    path("account/two-factor/set-up/", two_factor_views.set_up, name="two_factor_setup"),
    path("account/password/", password_views.change_password, name="password_change"),
    path(
        "account/forgotten-password/",
        password_views.forgotten_password,
        name="password_forgotten",
    ),
    path(
        "account/forgotten-password/sent/",
        password_views.password_reset_sent,
        name="password_reset_sent",
    ),
    path(
        "account/set-password/<uidb64>/<token>/",
        password_views.SetPasswordView.as_view(),
        name="password_set",
    ),
    path("account/set-password/done/", password_views.password_set_done, name="password_set_done"),
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
    path("areas/<str:area_code>/audit/", people_views.audit_log, name="audit_log"),
]
