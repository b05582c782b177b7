"""An inspector's window is no longer stored: it is worked out from the inspection's current dates and
`evidence_room_wd` each time. Only days a LANO chose to narrow it are kept. Stored days equal to the
window the inspection gives today were copies and are cleared (the access then follows the inspection);
any other day was a LANO's choice, or a copy the inspection's dates have since left behind, and is kept
as a limit, so no access is widened by this change."""

from django.db import migrations, models

from sendready.domain.inspection.frameworks import load_framework
from sendready.domain.requests.room import SETTING, current_room_window


def _days(inspection) -> int:
    given = (inspection.framework_settings or {}).get(SETTING)
    if given is not None:
        return int(given)
    setting = load_framework(inspection.framework).settings.get(SETTING)
    return setting.default if setting else 10


def _windows(apps):
    accesses = apps.get_model("inspection_requests", "InspectorAccess")
    milestones = apps.get_model("inspections", "Milestone")
    for access in accesses.objects.select_related("inspection"):
        inspection = access.inspection
        onsite = milestones.objects.filter(inspection=inspection, key="onsite").first()
        yield access, current_room_window(
            notified_on=inspection.notified_on,
            onsite_end=inspection.onsite_end,
            planned_onsite_end=(onsite.end_date or onsite.date) if onsite else None,
            working_days_after=_days(inspection),
        )


def store_copies(apps, schema_editor):
    """Going back: the stored days again, as the inspection gives them today."""
    for access, window in _windows(apps):
        access.chosen_first_day = access.chosen_first_day or window.first_day
        access.chosen_last_day = access.chosen_last_day or window.last_day
        access.save(update_fields=["chosen_first_day", "chosen_last_day"])


def clear_copies(apps, schema_editor):
    for access, window in _windows(apps):
        if access.chosen_first_day == window.first_day:
            access.chosen_first_day = None
        if access.chosen_last_day == window.last_day:
            access.chosen_last_day = None
        access.save(update_fields=["chosen_first_day", "chosen_last_day"])


class Migration(migrations.Migration):
    dependencies = [("inspection_requests", "0004_related_criterion_and_case")]

    operations = [
        migrations.RenameField("inspectoraccess", "first_day", "chosen_first_day"),
        migrations.RenameField("inspectoraccess", "last_day", "chosen_last_day"),
        migrations.AlterField(
            model_name="inspectoraccess",
            name="chosen_first_day",
            field=models.DateField(blank=True, null=True, verbose_name="first day chosen"),
        ),
        migrations.AlterField(
            model_name="inspectoraccess",
            name="chosen_last_day",
            field=models.DateField(blank=True, null=True, verbose_name="last day chosen"),
        ),
        migrations.RunPython(clear_copies, store_copies),
    ]
