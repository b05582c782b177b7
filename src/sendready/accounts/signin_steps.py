"""What a signed-in person must do before anything else: the steps of signing in after the password.

First the second factor of someone who has one; then a person whose password someone else set (an
account from before invitations by email, a demo account) chooses their own; then someone who needs a
second factor and has none sets one up. Every page except that step's own and signing out redirects
there, so a page added later is covered without knowing about it.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from sendready.accounts import two_factor
from sendready.accounts.models import must_choose_password

ALWAYS_OPEN = frozenset({"logout", "login"})


def pending_step(request: HttpRequest) -> str | None:
    """The URL name of the step this person must finish next, or None when signed in fully."""
    user = request.user
    verified = two_factor.passed(request)
    if not verified and two_factor.has_second_factor(user):
        return "accounts:two_factor_verify"
    if must_choose_password(user):
        return "accounts:password_change"
    if not verified and two_factor.needs_second_factor(user):
        return "accounts:two_factor_setup"
    return None


def safe_next(request: HttpRequest) -> str:
    """Where to go after a step: the `next` asked for when it is on this site, else home."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else reverse("home")


class SignInStepsMiddleware:
    """Send a signed-in person to their pending step from every other page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, args, kwargs) -> HttpResponse | None:
        if not request.user.is_authenticated:
            return None
        step = pending_step(request)
        here = request.resolver_match.view_name if request.resolver_match else ""
        if step is None or here == step or here in ALWAYS_OPEN:
            return None
        target = reverse(step)
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
