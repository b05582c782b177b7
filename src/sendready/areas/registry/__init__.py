"""The platform's one way to be extended: what each capability app declares from its AppConfig.ready.

A capability calls the `register_*` functions of this package, and only these, for everything it adds
or offers: its permissions and the roles holding them (permissions.py), its menu sections, overview
panels and homes (menus.py), and the hooks through which capabilities meet without importing each
other: the active inspection with its panels, tasks, step links, on-site meetings and inspector windows
(inspection.py); tracked cases to refer to (tracked_cases.py); findings pinned as evidence
(findings.py); indicator values (indicators.py); person-level snapshots (snapshots.py); recorded
inspections (recorded.py) and outcomes as they are recorded (outcomes.py); each audience's survey
link (survey_links.py). Everything is importable
from here. Nothing else edits these tables. Pages are built from them by `areas/navigation.py`;
`areas/access.py` decides permissions.
"""

from sendready.areas.registry.findings import (
    FINDING_SOURCES,
    Finding,
    FindingSource,
    find_finding,
    register_finding_source,
)
from sendready.areas.registry.indicators import (
    IndicatorProvider,
    IndicatorValue,
    SnapshotValues,
    indicator_snapshots,
    latest_values,
    register_indicator_provider,
)
from sendready.areas.registry.inspection import (
    INSPECTION_PANELS,
    STEP_LINKS,
    ActiveInspection,
    ExtraSession,
    ExtraTask,
    InspectionPanel,
    InspectorWindow,
    StepDate,
    StepLink,
    active_inspection,
    extra_sessions,
    extra_tasks,
    inspector_window,
    register_active_inspection,
    register_inspection_panel,
    register_inspector_window,
    register_session_source,
    register_step_link,
    register_task_source,
)
from sendready.areas.registry.menus import (
    HOMES,
    OVERVIEW_PANELS,
    SECTIONS,
    AreaSection,
    OverviewPanel,
    register_home,
    register_panel,
    register_section,
)
from sendready.areas.registry.outcomes import (
    OutcomeListener,
    OutcomeRecorded,
    announce_outcome,
    register_outcome_listener,
)
from sendready.areas.registry.permissions import (
    PERMISSION_ROLES,
    SECOND_FACTOR_PERMISSIONS,
    register_permissions,
    require_second_factor_for,
)
from sendready.areas.registry.recorded import (
    RecordedInspectionsProvider,
    recorded_inspections,
    register_recorded_inspections,
)
from sendready.areas.registry.snapshots import (
    SnapshotRows,
    SnapshotSource,
    find_snapshot,
    register_snapshot_source,
    snapshot_dates,
)
from sendready.areas.registry.survey_links import (
    SurveyLinksProvider,
    register_survey_links,
    survey_links,
)
from sendready.areas.registry.tracked_cases import (
    TrackedCaseChoice,
    TrackedCaseSource,
    register_tracked_case_source,
    tracked_case_choices,
)

__all__ = [
    "OutcomeListener",
    "OutcomeRecorded",
    "announce_outcome",
    "register_outcome_listener",
    "PERMISSION_ROLES",
    "SECOND_FACTOR_PERMISSIONS",
    "register_permissions",
    "require_second_factor_for",
    "AreaSection",
    "OverviewPanel",
    "SECTIONS",
    "OVERVIEW_PANELS",
    "HOMES",
    "register_section",
    "register_panel",
    "register_home",
    "StepDate",
    "ActiveInspection",
    "ExtraTask",
    "InspectionPanel",
    "StepLink",
    "INSPECTION_PANELS",
    "STEP_LINKS",
    "register_active_inspection",
    "active_inspection",
    "register_inspection_panel",
    "register_task_source",
    "extra_tasks",
    "register_step_link",
    "ExtraSession",
    "InspectorWindow",
    "register_session_source",
    "extra_sessions",
    "register_inspector_window",
    "inspector_window",
    "TrackedCaseChoice",
    "TrackedCaseSource",
    "register_tracked_case_source",
    "tracked_case_choices",
    "Finding",
    "FindingSource",
    "FINDING_SOURCES",
    "register_finding_source",
    "find_finding",
    "IndicatorValue",
    "SnapshotValues",
    "IndicatorProvider",
    "register_indicator_provider",
    "indicator_snapshots",
    "latest_values",
    "SnapshotRows",
    "SnapshotSource",
    "register_snapshot_source",
    "find_snapshot",
    "snapshot_dates",
    "RecordedInspectionsProvider",
    "register_recorded_inspections",
    "recorded_inspections",
    "SurveyLinksProvider",
    "register_survey_links",
    "survey_links",
]
