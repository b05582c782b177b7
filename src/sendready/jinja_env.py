"""The Jinja2 environment: GOV.UK Frontend macros plus Django's static and url helpers."""

from datetime import date, datetime
from typing import Any

import jinja2
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

from sendready.govuk_forms import date_params, error_summary_items, field_params, select_items


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """Reverse a URL name, as Django's {% url %} does."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def long_date(value: date | datetime | None) -> str:
    """A date as GOV.UK writes it: Monday 8 September 2025."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{value:%A} {value.day} {value:%B %Y}"


def short_date(value: date | datetime | None) -> str:
    """A date without the weekday: 8 September 2025."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


def main_menu(request: Any, active: str | None = None) -> list[dict[str, Any]]:
    """The header's menu for the person and area of this request (built in areas.navigation)."""
    from sendready.areas.navigation import main_menu as menu

    return menu(request.user, getattr(request, "area", None), active)


def london_time(value: datetime | None) -> str:
    """The time of day in London, as 17:00."""
    if value is None:
        return ""
    return f"{timezone.localtime(value):%H:%M}"


def environment(**options: Any) -> jinja2.Environment:
    """Build the environment Django's Jinja2 backend uses."""
    app_loader = options.pop("loader", None) or jinja2.FileSystemLoader([])
    options["loader"] = jinja2.ChoiceLoader(
        [
            jinja2.PrefixLoader(
                {"govuk_frontend_jinja": jinja2.PackageLoader("govuk_frontend_jinja")}
            ),
            app_loader,
        ]
    )
    # DEBUG makes Django choose DebugUndefined, which breaks the GOV.UK macros.
    options["undefined"] = jinja2.Undefined
    options.setdefault("autoescape", True)
    # {% do list.append(x) %} for the rare list a template must gather.
    options["extensions"] = [*options.get("extensions", []), "jinja2.ext.do"]
    env = jinja2.Environment(**options)
    env.globals.update(
        static=static,
        url=url,
        field_params=field_params,
        date_params=date_params,
        error_summary_items=error_summary_items,
        select_items=select_items,
        get_messages=get_messages,
        main_menu=main_menu,
    )
    env.filters.update(long_date=long_date, short_date=short_date, london_time=london_time)
    return env
