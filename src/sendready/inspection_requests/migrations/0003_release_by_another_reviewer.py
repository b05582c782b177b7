"""Release needs someone who did not prepare the answer: who wrote it and sent it for review are kept
on the version; the review note becomes the release note, kept with the released version."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("inspection_requests", "0002_localarea_now_in_areas"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("version", "reviewed_note", "release_note"),
        migrations.AlterField(
            model_name="version",
            name="release_note",
            field=models.TextField(blank=True, max_length=1000, verbose_name="release note"),
        ),
        migrations.AddField(
            model_name="version",
            name="answered_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="version",
            name="sent_for_review_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
