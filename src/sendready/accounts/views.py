"""The sign-in page."""

from django.contrib.auth import views as auth_views

from sendready.accounts.forms import SignInForm


class LoginView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True
    extra_context = {"title": "Sign in"}
