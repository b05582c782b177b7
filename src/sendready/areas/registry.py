"""The platform's one way to be extended: what each capability app declares from its AppConfig.ready.

A capability calls the `register_*` functions here, and only here, for everything it adds or offers:
its permissions and the roles holding them, its menu sections and overview panels, and the hooks
through which capabilities meet without importing each other (the active inspection, inspection panels,
tasks, step links, on-site meetings and inspector windows; tracked cases to refer to; findings pinned
as evidence; indicator values; person-level snapshots; recorded inspections and outcomes; each
audience's survey link). Nothing else edits these tables. Pages are built from them by `navigation.py`;
`access.py` decides permissions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import rules

from sendready.areas.constants import Role
from sendready.domain.history.events import HistoryEvent

if TYPE_CHECKING:
    import polars as pl

    from sendready.areas.models import LocalArea

# ---- Permissions -------------------------------------------------------------------------------

# Permission -> the roles holding it, in every area.
PERMISSION_ROLES: dict[str, frozenset[Role]] = {}
# Permissions whose holders must sign in with a second factor (see sendready/accounts/two_factor.py).
SECOND_FACTOR_PERMISSIONS: set[str] = set()


def register_permissions(permissions: dict[str, frozenset[Role]]) -> None:
    """Declare a capability's permissions and the roles that hold them."""
    for name, roles in permissions.items():
        if name in PERMISSION_ROLES and PERMISSION_ROLES[name] != roles:
            raise ValueError(f"Permission {name!r} is already declared with other roles.")
        PERMISSION_ROLES[name] = frozenset(roles)
        if not rules.perm_exists(f"sendready.{name}"):
            rules.add_perm(f"sendready.{name}", _predicate_for(name))


def require_second_factor_for(*permissions: str) -> None:
    """Ask every role holding any of these permissions for a second factor."""
    SECOND_FACTOR_PERMISSIONS.update(permissions)


def _predicate_for(permission: str) -> rules.Predicate:
    def holds(user: object, area: LocalArea | None) -> bool:
        from sendready.areas.access import can  # access reads this module's table

        return can(user, permission, area)

    return rules.predicate(holds, name=permission)


# ---- Menu sections, overview panels and homes ----------------------------------------------------


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


# ---- The active inspection: offered by inspections, extended by others ---------------------------


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


# ---- Tracked cases: offered by cases, chosen by the request board ---------------------------------


@dataclass(frozen=True)
class TrackedCaseChoice:
    """One of the area's tracked cases, as a choice another capability may store by `key`.

    `label` names the child's case only for people who may open it (the LANO and its team);
    everyone else reads "Tracked case 2 of <the selection>"."""

    key: str
    label: str


TrackedCaseSource = Callable[["LocalArea", object, "int | None"], list[TrackedCaseChoice]]
_TRACKED_CASE_SOURCES: list[TrackedCaseSource] = []


def register_tracked_case_source(source: TrackedCaseSource) -> None:
    """Offer an area's tracked cases for other capabilities to refer to."""
    if source not in _TRACKED_CASE_SOURCES:
        _TRACKED_CASE_SOURCES.append(source)


def tracked_case_choices(
    area: LocalArea, user, inspection_pk: int | None = None
) -> list[TrackedCaseChoice]:
    """The area's tracked cases (those named for `inspection_pk` first), as this person may see them."""
    return [c for source in _TRACKED_CASE_SOURCES for c in source(area, user, inspection_pk)]


# ---- Findings: offered by capabilities, pinned as evidence by the self-evaluation ---------------


@dataclass(frozen=True)
class Finding:
    """An aggregate result another capability offers as evidence (never one child's details).

    `table` is its numbers, header row first, so a page can show them as a table and a pinned copy
    keeps what they were."""

    key: str  # stable within its source, so a pinned item finds it again
    title: str
    summary: str
    table: tuple[tuple[str, ...], ...]
    as_of: dt.date | None = None


@dataclass(frozen=True)
class FindingSource:
    """A capability's findings: who may see them and which type of evidence they are."""

    key: str
    title: str
    evidence_kind: str  # one of the criteria data's evidence types, e.g. quality_assurance
    permission: str
    offer: Callable[[LocalArea], list[Finding]]


FINDING_SOURCES: dict[str, FindingSource] = {}


def register_finding_source(source: FindingSource) -> None:
    """Offer a capability's findings for pinning as self-evaluation evidence."""
    FINDING_SOURCES[source.key] = source


def find_finding(area: LocalArea, source_key: str, finding_key: str) -> Finding | None:
    """The finding as it stands now, or None when its source or the finding is gone."""
    source = FINDING_SOURCES.get(source_key)
    if source is None:
        return None
    return next((f for f in source.offer(area) if f.key == finding_key), None)


# ---- Indicator values: offered by person-level data, read by the self-evaluation -----------------


@dataclass(frozen=True)
class IndicatorValue:
    id: str
    title: str
    value: float | int | None
    unit: str


@dataclass(frozen=True)
class SnapshotValues:
    """The figures of one dated snapshot."""

    snapshot_date: dt.date
    values: dict[str, IndicatorValue]


IndicatorProvider = Callable[["LocalArea"], list[SnapshotValues]]
_INDICATOR_PROVIDERS: list[IndicatorProvider] = []


def register_indicator_provider(provider: IndicatorProvider) -> None:
    """Offer a source of indicator values."""
    if provider not in _INDICATOR_PROVIDERS:
        _INDICATOR_PROVIDERS.append(provider)


def indicator_snapshots(area: LocalArea) -> list[SnapshotValues]:
    """Every snapshot's figures for the area, newest first."""
    found = [s for provider in _INDICATOR_PROVIDERS for s in provider(area)]
    return sorted(found, key=lambda s: s.snapshot_date, reverse=True)


def latest_values(area: LocalArea) -> SnapshotValues | None:
    """The newest snapshot's figures, or None when the area has imported none."""
    snapshots = indicator_snapshots(area)
    return snapshots[0] if snapshots else None


# ---- Person-level snapshots: offered by person-level data, read by cases and sampling ------------


@dataclass(frozen=True)
class SnapshotRows:
    """One stored snapshot: its date and size, and a way to read its typed rows."""

    snapshot_id: int
    snapshot_date: dt.date
    row_count: int
    read: Callable[[list[str] | None], pl.DataFrame]


class SnapshotSource(Protocol):
    def find(self, area: LocalArea, day: dt.date | None) -> SnapshotRows | None: ...

    def dates(self, area: LocalArea) -> list[dt.date]: ...


_SNAPSHOT_SOURCES: list[SnapshotSource] = []


def register_snapshot_source(source: SnapshotSource) -> None:
    """Offer an area's snapshots."""
    if source not in _SNAPSHOT_SOURCES:
        _SNAPSHOT_SOURCES.append(source)


def find_snapshot(area: LocalArea, day: dt.date | None = None) -> SnapshotRows | None:
    """The area's snapshot on `day` (the latest when None), or None when there is none."""
    for source in _SNAPSHOT_SOURCES:
        found = source.find(area, day)
        if found is not None:
            return found
    return None


def snapshot_dates(area: LocalArea) -> list[dt.date]:
    """The dates of the area's snapshots, newest first."""
    return sorted({d for source in _SNAPSHOT_SOURCES for d in source.dates(area)}, reverse=True)


# ---- Recorded inspections: offered by inspections, read by the forecast --------------------------

RecordedInspectionsProvider = Callable[[], list[HistoryEvent]]
_RECORDED_PROVIDERS: list[RecordedInspectionsProvider] = []


def register_recorded_inspections(provider: RecordedInspectionsProvider) -> None:
    """Offer a source of recorded inspections."""
    if provider not in _RECORDED_PROVIDERS:
        _RECORDED_PROVIDERS.append(provider)


def recorded_inspections() -> list[HistoryEvent]:
    """Every area's recorded inspections with an outcome, as national-history events."""
    return [event for provider in _RECORDED_PROVIDERS for event in provider()]


# ---- Recorded outcomes: announced by inspections, followed by plans -----------------------------


@dataclass(frozen=True)
class OutcomeRecorded:
    """A report's outcome as just recorded (or recorded again) on an inspection."""

    area: LocalArea
    inspection_pk: int | None  # None: an outcome from before the area kept its inspections here
    framework: str
    outcome_key: str
    report_date: dt.date
    counts: dict[str, int] = field(default_factory=dict)
    judgements: dict[int, str] = field(default_factory=dict)  # re-visits: area number -> judgement
    findings: str = ""


OutcomeListener = Callable[..., object]  # listener(*, outcome, actor, request)
_OUTCOME_LISTENERS: list[OutcomeListener] = []


def register_outcome_listener(listener: OutcomeListener) -> None:
    """Follow recorded outcomes; the listener runs inside the transaction that records one."""
    if listener not in _OUTCOME_LISTENERS:
        _OUTCOME_LISTENERS.append(listener)


def announce_outcome(*, outcome: OutcomeRecorded, actor, request=None) -> None:
    """Tell every listener, inside the recording's transaction: an error undoes the recording."""
    for listener in _OUTCOME_LISTENERS:
        listener(outcome=outcome, actor=actor, request=request)


# ---- Survey links: offered by surveys, read by the key message and briefings ---------------------

SurveyLinksProvider = Callable[["LocalArea", "int | None"], dict[str, str]]
_SURVEY_LINK_PROVIDERS: list[SurveyLinksProvider] = []


def register_survey_links(provider: SurveyLinksProvider) -> None:
    """Offer each audience's survey link for an area (and, when given, one of its inspections)."""
    if provider not in _SURVEY_LINK_PROVIDERS:
        _SURVEY_LINK_PROVIDERS.append(provider)


def survey_links(area: LocalArea, inspection_pk: int | None = None) -> dict[str, str]:
    """{audience title: full web address} of the area's surveys families can answer now or soon."""
    links: dict[str, str] = {}
    for provider in _SURVEY_LINK_PROVIDERS:
        links.update(provider(area, inspection_pk))
    return links
