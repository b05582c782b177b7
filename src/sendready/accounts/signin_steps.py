"""What a signed-in person must do before anything else: the steps of signing in after the password.

A person whose password someone else set (an invitation from before, a demo account) chooses their own
first. Every page except that step's own and signing out redirects there, so a page added later is
covered without knowing about it.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from sendready.accounts.models import must_choose_password

ALWAYS_OPEN = frozenset({"logout", "login"})


def pending_step(request: HttpRequest) -> str | None:
    """The URL name of the step this person must finish next, or None when signed in fully."""
    if must_choose_password(request.user):
        return "accounts:password_change"
    return None


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
