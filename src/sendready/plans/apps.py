"""Improvement plans: written statements of action, accelerated and priority action plans, strategic plans."""

from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "sendready.plans"
    label = "plans"
    verbose_name = "Improvement plans"

    def ready(self) -> None:
        from sendready.areas.access import ALL_ROLES
        from sendready.areas.constants import Role
        from sendready.areas.registry import (
            AreaSection,
            register_outcome_listener,
            register_permissions,
            register_section,
        )
        from sendready.plans.outcome_actions import follow_outcome

        register_permissions(
            {
                # Everyone in the area sees plan progress (viewers and the parent carer forum
                # read only); those who own actions and areas change them.
                "view_plans": ALL_ROLES,
                "edit_plans": frozenset(
                    {Role.LANO, Role.SENIOR_LEADER, Role.SYSTEM_LEAD, Role.HEALTH_LEAD}
                ),
            }
        )
        register_section(
            AreaSection(
                "plans",
                "Improvement plans",
                "plans:list",
                "view_plans",
                "Written statements of action, accelerated and priority action plans: areas, "
                "actions, measures, judgements and what changed.",
                30,
            )
        )
        register_outcome_listener(follow_outcome)
        register_section(
            AreaSection(
                "my_plan_actions",
                "Actions you own",
                "plans:my_actions",
                "view_plans",
                "Your improvement plan actions across the area's plans: what is overdue and what "
                "falls due soon.",
                31,
            )
        )
