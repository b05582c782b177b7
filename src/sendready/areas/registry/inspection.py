"""The active inspection: offered by inspections, extended by others (inspection panels, tasks,
step links, on-site meetings and inspector windows)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sendready.areas.models import LocalArea


@dataclass(frozen=True)
class StepDate:
    title: str
    date: dt.date
    time: dt.time | None = None
    end_date: dt.date | None = None
    end_time: dt.time | None = None


@dataclass(frozen=True)
class ActiveInspection:
    """What other capabilities may know about an area's active inspection."""

    pk: int
    framework: str
    notified_on: dt.date
    steps: dict[str, StepDate] = field(default_factory=dict)
    survey_link: str = ""  # the inspectors' own survey, recorded once on the inspection


@dataclass(frozen=True)
class ExtraTask:
    """A task another capability tracks, listed beside the inspection's own tasks."""

    title: str
    owner: str
    due_at: dt.datetime | None
    status: str
    href: str
    overdue: bool


@dataclass(frozen=True)
class InspectionPanel:
    """A panel another capability adds to the inspection's pages."""

    key: str
    template: str
    build: Callable[[LocalArea, object, ActiveInspection], dict | None]
    order: int = 50


@dataclass(frozen=True)
class StepLink:
    """A link shown beside a timeline step, to the page where that step's work is done."""

    step_key: str
    text: str
    url_name: str
    permission: str


_ACTIVE: list[Callable[[LocalArea], ActiveInspection | None]] = []
INSPECTION_PANELS: dict[str, InspectionPanel] = {}
_TASKS: list[Callable[[LocalArea, object, ActiveInspection], list[ExtraTask]]] = []
STEP_LINKS: dict[str, StepLink] = {}


def register_active_inspection(provider: Callable[[LocalArea], ActiveInspection | None]) -> None:
    """Offer an area's active inspection."""
    if provider not in _ACTIVE:
        _ACTIVE.append(provider)


def active_inspection(area: LocalArea) -> ActiveInspection | None:
    """The area's active inspection, or None."""
    for provider in _ACTIVE:
        found = provider(area)
        if found is not None:
            return found
    return None


def register_inspection_panel(panel: InspectionPanel) -> None:
    """Add a panel to the active inspection's pages."""
    INSPECTION_PANELS[panel.key] = panel


def register_task_source(
    source: Callable[[LocalArea, object, ActiveInspection], list[ExtraTask]],
) -> None:
    """Offer tasks to list beside the inspection's own."""
    if source not in _TASKS:
        _TASKS.append(source)


def extra_tasks(area: LocalArea, user, inspection: ActiveInspection) -> list[ExtraTask]:
    """Every task other capabilities track for the active inspection."""
    return [task for source in _TASKS for task in source(area, user, inspection)]


def register_step_link(link: StepLink) -> None:
    """Link a timeline step to the page where its work is done."""
    STEP_LINKS[link.step_key] = link


@dataclass(frozen=True)
class ExtraSession:
    """A meeting another capability arranges on site (a tracked case's team meeting inspectors)."""

    date: dt.date
    start: dt.time
    end: dt.time | None
    title: str
    who: str
    where: str = ""
    href: str = ""


@dataclass(frozen=True)
class InspectorWindow:
    """An inspector's read-only access to one inspection of one area, and whether it is open now."""

    area: LocalArea
    inspection_pk: int
    name: str
    refusal: str = ""  # empty while the window is open; otherwise why not, in words


_SESSIONS: list[Callable[[LocalArea, object, ActiveInspection], list[ExtraSession]]] = []
_INSPECTORS: list[Callable[[object], InspectorWindow | None]] = []


def register_session_source(
    source: Callable[[LocalArea, object, ActiveInspection], list[ExtraSession]],
) -> None:
    """Offer meetings to add to the inspection's on-site timetable."""
    if source not in _SESSIONS:
        _SESSIONS.append(source)


def extra_sessions(area: LocalArea, user, inspection: ActiveInspection) -> list[ExtraSession]:
    """Meetings other capabilities add to the inspection's on-site timetable, as this person sees them."""
    return [s for source in _SESSIONS for s in source(area, user, inspection)]


def register_inspector_window(provider: Callable[[object], InspectorWindow | None]) -> None:
    """Offer an inspector's access window (the evidence room decides who is an inspector)."""
    if provider not in _INSPECTORS:
        _INSPECTORS.append(provider)


def inspector_window(user) -> InspectorWindow | None:
    """The signed-in inspector's access (open or not), or None for anyone who is not an inspector."""
    for provider in _INSPECTORS:
        found = provider(user)
        if found is not None:
            return found
    return None
