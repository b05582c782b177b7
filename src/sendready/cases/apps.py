"""Tracked cases: choosing and preparing them, focused-sampling lists, and case file audits."""

from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "sendready.cases"
    label = "cases"
    verbose_name = "Tracked cases"

    def ready(self) -> None:
        from sendready.areas.access import CASEWORK_ROLES
        from sendready.areas.constants import Role
        from sendready.areas.registry import (
            AreaSection,
            OverviewPanel,
            register_panel,
            register_permissions,
            register_section,
        )

        register_permissions(
            {
                # Seeing a case also needs the person to be assigned to it (or to be the LANO).
                "view_cases": CASEWORK_ROLES,
                "manage_cases": frozenset({Role.LANO}),
                "view_focused_sampling": CASEWORK_ROLES,
                "view_audit_agreement": frozenset(
                    {Role.LANO, Role.SENIOR_LEADER, Role.HEALTH_LEAD}
                ),
                "adapt_audit_framework": frozenset({Role.LANO}),
            }
        )
        from sendready.cases.overview import cases_summary

        register_section(
            AreaSection(
                "cases",
                "Tracked cases",
                "cases:list",
                "view_cases",
                "Choose or record the tracked cases, prepare each case, audit case files together "
                "and see how far auditors agree; focused-sampling lists.",
                25,
            )
        )
        register_panel(OverviewPanel("cases", "cases/_overview_panel.html", cases_summary, 25))
        from sendready.areas.registry import register_session_source
        from sendready.cases.meetings import case_meetings

        register_session_source(case_meetings)
        from sendready.areas.registry import register_tracked_case_source
        from sendready.cases.references import tracked_case_references

        register_tracked_case_source(tracked_case_references)
        from sendready.areas.registry import FindingSource, register_finding_source
        from sendready.cases.findings import audit_findings

        register_finding_source(
            FindingSource(
                "case_audits",
                "Tracked cases' audits",
                "quality_assurance",
                "view_audit_agreement",
                audit_findings,
            )
        )
