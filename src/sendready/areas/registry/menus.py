"""Menu sections, overview panels and homes each capability adds to the area's pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sendready.areas.models import LocalArea


@dataclass(frozen=True)
class AreaSection:
    """A section of an area in the menu and on the overview, shown to roles holding `permission`."""

    key: str
    text: str
    url_name: str
    permission: str
    description: str
    order: int = 50


@dataclass(frozen=True)
class OverviewPanel:
    """A panel a capability adds to the area overview: a template and what to show in it."""

    key: str
    template: str
    build: Callable[[LocalArea, object], dict | None]
    order: int = 50


SECTIONS: dict[str, AreaSection] = {}
OVERVIEW_PANELS: dict[str, OverviewPanel] = {}
# Where a signed-in person without an area goes instead of "not a member yet" (an inspector's
# evidence room, for instance): each capability may offer one.
HOMES: list[Callable[[object], str | None]] = []


def register_section(section: AreaSection) -> None:
    """Add a section to the area menu and overview."""
    SECTIONS[section.key] = section


def register_panel(panel: OverviewPanel) -> None:
    """Add a panel to the area overview."""
    OVERVIEW_PANELS[panel.key] = panel


def register_home(find: Callable[[object], str | None]) -> None:
    """Offer a home page for people who belong to no area."""
    if find not in HOMES:
        HOMES.append(find)
