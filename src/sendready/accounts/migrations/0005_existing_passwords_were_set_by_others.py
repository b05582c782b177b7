"""Every account from before invitations by email had a one-time password chosen by a LANO, shown in a
readable cookie: its holder must choose their own at their next sign-in."""

from django.conf import settings
from django.db import migrations


def flag_existing_accounts(apps, schema_editor):
    user_model = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    security = apps.get_model("accounts", "AccountSecurity")
    usable = user_model.objects.exclude(password="").exclude(password__startswith="!")
    security.objects.bulk_create(
        [security(user_id=pk, must_choose_password=True) for pk in usable.values_list("pk", flat=True)],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_account_security"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(flag_existing_accounts, migrations.RunPython.noop)]
