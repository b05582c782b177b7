"""Inspections: records, timelines, tasks, on-site timetable and briefings."""

from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "sendready.inspections"
    label = "inspections"
    verbose_name = "Inspections"

    def ready(self) -> None:
        from sendready.areas.access import ALL_ROLES
        from sendready.areas.constants import Role
        from sendready.areas.registry import (
            AreaSection,
            OverviewPanel,
            register_active_inspection,
            register_panel,
            register_permissions,
            register_recorded_inspections,
            register_section,
        )

        register_permissions(
            {
                "view_inspection": ALL_ROLES,
                "manage_inspection": frozenset({Role.LANO, Role.SENIOR_LEADER}),
                "manage_tasks": frozenset({Role.LANO, Role.SENIOR_LEADER, Role.SYSTEM_LEAD}),
                "manage_timetable": frozenset({Role.LANO, Role.SENIOR_LEADER}),
            }
        )
        from sendready.inspections.history_feed import recorded_events
        from sendready.inspections.overview import active_inspection_summary

        register_section(
            AreaSection(
                "inspections",
                "Inspections",
                "inspections:list",
                "view_inspection",
                "Record a notification, follow every dated step, tasks, timetable and briefings.",
                10,
            )
        )
        register_panel(
            OverviewPanel(
                "inspection", "inspections/_overview_panel.html", active_inspection_summary, 10
            )
        )
        register_recorded_inspections(recorded_events)
        from sendready.inspections.hooks import active_for

        register_active_inspection(active_for)
