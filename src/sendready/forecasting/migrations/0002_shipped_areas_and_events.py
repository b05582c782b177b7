"""Load the 153 current areas, their abolished predecessors and the 270 shipped inspection events."""

from django.db import migrations


def load(apps, schema_editor) -> None:
    from sendready.forecasting.data import load_shipped_data

    load_shipped_data(apps.get_model("accounts", "LocalArea"), apps.get_model("forecasting", "InspectionEvent"))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial"), ("forecasting", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
