"""The menu, overview panels and inspection panels of a page, built from what capabilities registered."""

from django.urls import reverse

from sendready.areas.access import can
from sendready.areas.models import LocalArea
from sendready.areas.registry import (
    HOMES,
    INSPECTION_PANELS,
    OVERVIEW_PANELS,
    SECTIONS,
    STEP_LINKS,
    ActiveInspection,
)


def sections_for(user, area: LocalArea | None) -> list[dict[str, str]]:
    """The sections this person may open in this area, in menu order."""
    if area is None:
        return []
    return [
        {
            "key": s.key,
            "text": s.text,
            "href": reverse(s.url_name, args=[area.code]),
            "description": s.description,
        }
        for s in sorted(SECTIONS.values(), key=lambda s: s.order)
        if can(user, s.permission, area)
    ]


def main_menu(user, area: LocalArea | None, active: str | None = None) -> list[dict]:
    """The header's menu for this person in this area: the overview, then each section they may open.

    Items are what govukServiceNavigation takes: text, href and whether it is the page's section.
    """
    if area is None or not getattr(user, "is_authenticated", False):
        return []
    overview = {
        "key": "overview",
        "text": "Overview",
        "href": reverse("accounts:area_home", args=[area.code]),
    }
    return [
        {"text": item["text"], "href": item["href"], "active": item["key"] == active}
        for item in [overview, *sections_for(user, area)]
    ]


def panels_for(user, area: LocalArea) -> list[dict]:
    """The overview panels that have something to show, each with its template and context."""
    shown = []
    for panel in sorted(OVERVIEW_PANELS.values(), key=lambda p: p.order):
        context = panel.build(area, user)
        if context is not None:
            shown.append({"template": panel.template, "context": context})
    return shown


def home_for(user) -> str | None:
    """The first home page a capability offers this person, or None."""
    return next((url for url in (find(user) for find in HOMES) if url), None)


def inspection_panels(area: LocalArea, user, inspection: ActiveInspection) -> list[dict]:
    """The panels other capabilities add to the active inspection's pages that have something to show."""
    shown = []
    for panel in sorted(INSPECTION_PANELS.values(), key=lambda p: p.order):
        context = panel.build(area, user, inspection)
        if context is not None:
            shown.append({"template": panel.template, "context": context})
    return shown


def step_links(user, area: LocalArea) -> dict[str, dict[str, str]]:
    """Step key -> {text, href} for the links this person may follow."""
    return {
        key: {"text": link.text, "href": reverse(link.url_name, args=[area.code])}
        for key, link in STEP_LINKS.items()
        if can(user, link.permission, area)
    }
