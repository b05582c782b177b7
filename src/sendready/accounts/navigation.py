"""The sections of an area that each capability adds to the menu and the area overview."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from sendready.accounts.access import can
from sendready.accounts.models import LocalArea


@dataclass(frozen=True)
class AreaSection:
    key: str
    text: str
    url_name: str
    permission: str
    description: str
    order: int = 50


_SECTIONS: dict[str, AreaSection] = {}


def register_section(section: AreaSection) -> None:
    """Add a section (apps call this from AppConfig.ready)."""
    _SECTIONS[section.key] = section


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
        for s in sorted(_SECTIONS.values(), key=lambda s: s.order)
        if can(user, s.permission, area)
    ]


@dataclass(frozen=True)
class OverviewPanel:
    """A panel a capability adds to the area overview: a template and what to show in it."""

    key: str
    template: str
    build: Callable[[LocalArea, object], dict | None]
    order: int = 50


_PANELS: dict[str, OverviewPanel] = {}


def register_panel(panel: OverviewPanel) -> None:
    """Add a panel to the area overview (apps call this from AppConfig.ready)."""
    _PANELS[panel.key] = panel


def panels_for(user, area: LocalArea) -> list[dict]:
    """The overview panels that have something to show, each with its template and context."""
    shown = []
    for panel in sorted(_PANELS.values(), key=lambda p: p.order):
        context = panel.build(area, user)
        if context is not None:
            shown.append({"template": panel.template, "context": context})
    return shown


# Where a signed-in person without an area goes instead of "not a member yet" (an inspector's
# evidence room, for instance): each capability may offer one.
_HOMES: list[Callable[[object], str | None]] = []


def register_home(find: Callable[[object], str | None]) -> None:
    """Offer a home page for people who belong to no area (apps call this from AppConfig.ready)."""
    if find not in _HOMES:
        _HOMES.append(find)


def home_for(user) -> str | None:
    """The first home page a capability offers this person, or None."""
    return next((url for url in (find(user) for find in _HOMES) if url), None)
