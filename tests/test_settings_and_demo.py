"""Production settings pass Django's deployment checks; the demo loads and can be loaded twice."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command

from sendready.areas.models import LocalArea, Membership
from sendready.inspections.models import Inspection


def test_production_settings_pass_check_deploy(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sendready.settings",
        "DEBUG": "false",
        "HTTPS": "true",
        "SECRET_KEY": "x7" * 30 + "-Kq9!vZ",
        "ALLOWED_HOSTS": "send.example.org",
        "SENDREADY_VAR_DIR": str(tmp_path),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # only the test settings allow it
    result = subprocess.run(
        [sys.executable, "-m", "sendready.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_the_demo_area_loads_with_every_role_and_an_inspection_and_reloads_cleanly():
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    area = LocalArea.objects.get(code="E99999901")
    assert area.is_fictional
    assert Membership.objects.filter(area=area).count() == 7
    assert Inspection.objects.filter(area=area).count() == 1
