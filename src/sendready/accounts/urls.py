"""Signing in with a second factor and passwords (in the URL namespace "accounts": see sendready/urls.py)."""

from django.urls import path

from sendready.accounts import password_views, two_factor_views

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
]
