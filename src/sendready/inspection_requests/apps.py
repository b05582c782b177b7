"""Requests during an inspection: the request board and the inspectors' time-boxed evidence room."""

from django.apps import AppConfig


class InspectionRequestsConfig(AppConfig):
    name = "sendready.inspection_requests"
    label = "inspection_requests"
    verbose_name = "Inspection requests and evidence room"

    def ready(self) -> None:
        from sendready.areas.access import CASEWORK_ROLES
        from sendready.areas.constants import Role
        from sendready.areas.registry import (
            AreaSection,
            OverviewPanel,
            register_home,
            register_panel,
            register_permissions,
            register_section,
        )
        from sendready.inspection_requests.overview import board_counts
        from sendready.inspection_requests.room_access import evidence_room_home

        leaders = frozenset({Role.LANO, Role.SENIOR_LEADER})
        register_permissions(
            {
                # Requests name tracked cases and carry their documents: people who work on cases.
                "view_requests": CASEWORK_ROLES,
                "work_on_requests": CASEWORK_ROLES,
                "manage_requests": leaders,
                "review_requests": leaders,
                "manage_evidence_room": leaders,
            }
        )
        register_section(
            AreaSection(
                "requests",
                "Requests",
                "inspection_requests:board_home",
                "view_requests",
                "What inspectors asked for, who owes it, review and release; the evidence room.",
                15,
            )
        )
        register_panel(
            OverviewPanel("requests", "inspection_requests/_overview_panel.html", board_counts, 15)
        )
        register_home(evidence_room_home)
        from sendready.areas.registry import register_inspector_window
        from sendready.inspection_requests.room_access import inspector_window_for

        register_inspector_window(inspector_window_for)
