"""Self-evaluation: the criteria, system leads, positions, evidence log, Annex A and the SEF document."""

from django.apps import AppConfig


class SelfEvaluationConfig(AppConfig):
    name = "sendready.selfevaluation"
    label = "selfevaluation"
    verbose_name = "Self-evaluation"

    def ready(self) -> None:
        from sendready.areas.access import ALL_ROLES, CASEWORK_ROLES
        from sendready.areas.constants import Role
        from sendready.areas.registry import register_permissions

        leaders = frozenset({Role.LANO, Role.SENIOR_LEADER})
        register_permissions(
            {
                "view_self_evaluation": ALL_ROLES,
                "start_self_evaluation": leaders,
                # Anyone who can be named a criterion's system lead (health leads too); which
                # criteria and evidence each may change is decided per record in access.py.
                "edit_criteria": CASEWORK_ROLES,
                "assign_system_leads": leaders,
                "comment_self_evaluation": ALL_ROLES - {Role.VIEWER},
                "add_evidence": CASEWORK_ROLES,
                "assess_outcome": leaders,
                "manage_annex_a": leaders,
                "export_annex_a": leaders,
            }
        )
        from sendready.areas.registry import (
            AreaSection,
            OverviewPanel,
            register_panel,
            register_section,
        )
        from sendready.selfevaluation.overview import coverage_panel

        register_section(
            AreaSection(
                "self_evaluation",
                "Self-evaluation",
                "selfevaluation:overview",
                "view_self_evaluation",
                "The criteria, system leads, the area's position, the evidence log and Annex A.",
                15,
            )
        )
        register_panel(
            OverviewPanel(
                "self_evaluation", "selfevaluation/_overview_panel.html", coverage_panel, 20
            )
        )
        from sendready.areas.registry import (
            InspectionPanel,
            StepLink,
            register_inspection_panel,
            register_step_link,
            register_task_source,
        )
        from sendready.selfevaluation.annex import annex_tasks, inspection_panel

        register_inspection_panel(
            InspectionPanel(
                "annex_a", "selfevaluation/_inspection_panel.html", inspection_panel, 20
            )
        )
        register_task_source(annex_tasks)
        for step in ("self_evaluation_shared", "self_evaluation_meeting"):
            register_step_link(
                StepLink(
                    step,
                    "Open the self-evaluation",
                    "selfevaluation:overview",
                    "view_self_evaluation",
                )
            )
        register_step_link(
            StepLink(
                "annex_a",
                "Open the Annex A checklist",
                "selfevaluation:annex_a",
                "view_self_evaluation",
            )
        )
