"""Choosing, changing and resetting passwords."""

from typing import cast

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from sendready.accounts import emails, password_actions
from sendready.accounts.forms import ChangePasswordForm, ForgottenPasswordForm, SetOwnPasswordForm
from sendready.accounts.models import must_choose_password
from sendready.accounts.signin_steps import safe_next


@sensitive_post_parameters()
@never_cache
@login_required
def change_password(request: HttpRequest) -> HttpResponse:
    """Change your own password; someone whose password was set for them must do this first."""
    forced = must_choose_password(request.user)
    form = ChangePasswordForm(cast(User, request.user), request.POST or None)
    if request.method == "POST" and form.is_valid():
        password_actions.choose_own_password(actor=request.user, form=form, request=request)
        messages.success(request, "Your password has been changed.")
        return redirect(safe_next(request))
    return render(
        request,
        "accounts/password_change.html",
        {
            "title": "Choose your own password" if forced else "Change your password",
            "form": form,
            "forced": forced,
            "next": request.GET.get("next", ""),
        },
    )


@never_cache
def forgotten_password(request: HttpRequest) -> HttpResponse:
    """Ask for a link to choose a new password; the answer never says whether an account exists."""
    form = ForgottenPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for user in form.accounts():
            emails.send_password_reset(request, user)
        request.session["reset_email"] = form.cleaned_data["email"]
        return redirect("accounts:password_reset_sent")
    return render(
        request, "accounts/password_forgotten.html", {"title": "Reset your password", "form": form}
    )


@never_cache
def password_reset_sent(request: HttpRequest) -> HttpResponse:
    """Check your email (said the same whether or not the address has an account)."""
    return render(
        request,
        "accounts/password_reset_sent.html",
        {"title": "Check your email", "email": request.session.get("reset_email", "")},
    )


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """Choose a password from an emailed link (a new person's first, or after forgetting one)."""

    form_class = SetOwnPasswordForm
    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("accounts:password_set_done")
    extra_context = {"title": "Choose your password"}

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:
        password_actions.choose_own_password(actor=form.user, form=form, request=self.request)
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())


def password_set_done(request: HttpRequest) -> HttpResponse:
    """The password is set: sign in with it."""
    return render(request, "accounts/password_set_done.html", {"title": "Your password is set"})
