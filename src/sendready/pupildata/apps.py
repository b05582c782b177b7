"""Person-level data: imports, snapshots, indicators and dashboards."""

from django.apps import AppConfig


class PupildataConfig(AppConfig):
    name = "sendready.pupildata"
    label = "pupildata"
    verbose_name = "Person-level data"

    def ready(self) -> None:
        from sendready.areas.access import ALL_ROLES, CASEWORK_ROLES
        from sendready.areas.constants import Role
        from sendready.areas.registry import (
            AreaSection,
            register_indicator_provider,
            register_permissions,
            register_section,
            register_snapshot_source,
            require_second_factor_for,
        )

        register_permissions(
            {
                "view_indicators": ALL_ROLES,
                "view_pupil_rows": CASEWORK_ROLES,
                "import_pupils": frozenset({Role.LANO, Role.SYSTEM_LEAD}),
                "export_pupils": frozenset({Role.LANO, Role.SYSTEM_LEAD}),
            }
        )
        # Children's own rows: whoever may see them signs in with a second factor.
        require_second_factor_for("view_pupil_rows")
        from sendready.pupildata.indicator_values import snapshot_values

        register_indicator_provider(snapshot_values)
        from sendready.pupildata.snapshot_source import SOURCE

        register_snapshot_source(SOURCE)

        register_section(
            AreaSection(
                "data",
                "Person-level data",
                "pupildata:dashboard",
                "view_indicators",
                "Import person-level data, see indicators and trends, export for inspectors.",
                20,
            )
        )
