"""Inspections: records, timelines, tasks, on-site timetable and briefings."""

from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "sendready.inspections"
    label = "inspections"
    verbose_name = "Inspections"

    def ready(self) -> None:
        from sendready.accounts.navigation import AreaSection, register_section

        register_section(
            AreaSection("inspections", "Inspections", "inspections:list", "view_inspection",
                        "Record a notification, follow every dated step, tasks, timetable and briefings.", 10)
        )
