"""Surveys: the area's own surveys of families, children and young people, and practitioners, reviewed
by the parent carer forum, answered anonymously, with results; and promoting the inspectors' survey."""

from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "sendready.surveys"
    label = "surveys"
    verbose_name = "Surveys"

    def ready(self) -> None:
        from sendready.areas.access import ALL_ROLES
        from sendready.areas.constants import Role
        from sendready.areas.registry import register_permissions

        builders = frozenset({Role.LANO, Role.SENIOR_LEADER, Role.SYSTEM_LEAD})
        register_permissions(
            {
                "view_surveys": ALL_ROLES,
                "manage_surveys": builders,
                "review_surveys": frozenset({Role.PCF_REP}),
                "export_survey_results": builders | {Role.PCF_REP},
                "promote_inspection_survey": builders,
            }
        )
        self._register_pages()

    def _register_pages(self) -> None:
        from sendready.areas.registry import (
            AreaSection,
            InspectionPanel,
            OverviewPanel,
            StepLink,
            register_inspection_panel,
            register_panel,
            register_section,
            register_step_link,
            register_survey_links,
            register_task_source,
        )
        from sendready.surveys.links import audience_links
        from sendready.surveys.overview import surveys_panel
        from sendready.surveys.promotion import promotion_panel, promotion_tasks

        register_section(
            AreaSection(
                "surveys",
                "Surveys",
                "surveys:list",
                "view_surveys",
                "Surveys of parents and carers, children and young people, and practitioners: "
                "build them with the parent carer forum, share the link, read the results.",
                30,
            )
        )
        register_panel(OverviewPanel("surveys", "surveys/_overview_panel.html", surveys_panel, 30))
        register_inspection_panel(
            InspectionPanel(
                "survey_promotion", "surveys/_inspection_panel.html", promotion_panel, 30
            )
        )
        register_task_source(promotion_tasks)
        register_step_link(
            StepLink(
                "surveys", "Promote the survey", "surveys:promotion", "promote_inspection_survey"
            )
        )
        register_survey_links(audience_links)
        from sendready.areas.registry import FindingSource, register_finding_source
        from sendready.surveys.findings import survey_findings

        register_finding_source(
            FindingSource("surveys", "Surveys", "lived_experience", "view_surveys", survey_findings)
        )
