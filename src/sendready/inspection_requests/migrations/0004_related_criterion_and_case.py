"""A request's related criterion and tracked case become choices (keys) instead of free text. Text
typed before is kept: it is added to the request's details, so nothing is lost."""

from django.db import migrations, models


def keep_typed_text(apps, schema_editor):
    requests = apps.get_model("inspection_requests", "InspectionRequest")
    for item in requests.objects.exclude(related_to=""):
        note = f"Related to (as typed before): {item.related_to}"
        item.details = (f"{item.details}\n\n{note}" if item.details else note)[:4000]
        item.save(update_fields=["details"])


def bring_back_text(apps, schema_editor):
    """Going back leaves the text in the details, where it is still readable."""


class Migration(migrations.Migration):
    dependencies = [("inspection_requests", "0003_release_by_another_reviewer")]

    operations = [
        migrations.AddField(
            model_name="inspectionrequest",
            name="criterion",
            field=models.CharField(blank=True, max_length=40, verbose_name="related criterion"),
        ),
        migrations.AddField(
            model_name="inspectionrequest",
            name="tracked_case",
            field=models.CharField(blank=True, max_length=20, verbose_name="related tracked case"),
        ),
        migrations.RunPython(keep_typed_text, bring_back_text),
        migrations.RemoveField(model_name="inspectionrequest", name="related_to"),
    ]
