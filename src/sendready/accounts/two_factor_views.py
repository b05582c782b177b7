"""Signing in with a second factor, and setting one up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from sendready.accounts import two_factor, two_factor_actions
from sendready.accounts.forms import CodeForm
from sendready.accounts.signin_steps import safe_next


@never_cache
@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the app, or a backup code."""
    if two_factor.passed(request) or not two_factor.has_second_factor(request.user):
        return redirect(safe_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = two_factor_actions.check_code(
                actor=request.user, code=form.cleaned_data["code"], request=request
            )
        except two_factor_actions.CodeRefused as refused:
            form.add_error("code", str(refused))
        else:
            otp_login(request, device)
            return redirect(safe_next(request))
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"title": "Enter your code", "form": form, "next": request.GET.get("next", "")},
    )


@never_cache
@login_required
def set_up(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: scan the QR code (or type the key), then enter its code."""
    if two_factor.has_second_factor(request.user):
        messages.success(
            request,
            "Two-factor sign-in is already set up. If you have lost your phone, ask your local "
            "area nominated officer to reset it.",
        )
        return redirect("home")
    device = two_factor_actions.start_app_setup(actor=request.user, request=request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = two_factor_actions.confirm_app(
                actor=request.user, device=device, code=form.cleaned_data["code"], request=request
            )
        except two_factor_actions.CodeRefused as refused:
            form.add_error("code", str(refused))
        else:
            otp_login(request, device)
            # Shown once, in this response only: never stored anywhere the browser could replay.
            return render(
                request,
                "accounts/two_factor_backup_codes.html",
                {"title": "Your backup codes", "codes": codes, "next": safe_next(request)},
            )
    return render(
        request,
        "accounts/two_factor_set_up.html",
        {
            "title": "Set up two-factor sign-in",
            "form": form,
            "qr_code": two_factor.qr_code_data_uri(device),
            "key": two_factor.readable_key(device),
            "required": two_factor.needs_second_factor(request.user),
            "next": request.GET.get("next", ""),
        },
    )
