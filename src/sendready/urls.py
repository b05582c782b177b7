"""Top-level URLs: each capability brings its own."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from sendready.accounts import urls as account_urls
from sendready.accounts import views as account_views
from sendready.areas import urls as area_urls
from sendready.areas import views as area_views
from sendready.audit import urls as audit_urls

# The platform's pages (areas, audit, accounts) keep the URL namespace "accounts" they had before
# areas and the audit log were split out of accounts: URL names are a contract.
platform_urls = [*account_urls.urlpatterns, *area_urls.urlpatterns, *audit_urls.urlpatterns]

urlpatterns = [
    # First: families' survey pages are the busiest URLs (answers arrive in bursts), and every request
    # resolves its URL more than once.
    path("", include("sendready.surveys.urls")),
    path("", area_views.home, name="home"),
    path("sign-in/", account_views.LoginView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include((platform_urls, "accounts"))),
    path("", include("sendready.inspections.urls")),
    path("", include("sendready.forecasting.urls")),
    path("", include("sendready.pupildata.urls")),
    path("", include("sendready.inspection_requests.urls")),
    path("", include("sendready.selfevaluation.urls")),
    path("", include("sendready.cases.urls")),
    path("", include("sendready.plans.urls")),
    # One way in: the admin's own sign-in page would skip the throttle and the second factor.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="login", query_string=True),
        name="admin_sign_in",
    ),
    path("admin/", admin.site.urls),
]
