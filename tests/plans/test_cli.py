"""sendready plan-summary: each area with its RAG, and the latest judgements' counts (exact keys)."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from sendready.plans.models import PlanFieldChange
from tests.plans.conftest import revisited

SPLIT = {1: "sufficient", 2: "insufficient", 3: "sufficient", 4: "sufficient", 5: "insufficient"}


def _run(*args: str) -> str:
    out = StringIO()
    call_command("plan_summary", *args, stdout=out)
    return out.getvalue()


def test_plan_summary_json_keys_and_counts(people, lano, wsoa_inspection):
    revisited(people, lano, wsoa_inspection, SPLIT)
    today = timezone.localdate().isoformat()
    data = json.loads(_run("--area", people.area.code, "--as-of", today, "--format", "json"))
    assert set(data) == {"area", "as_of", "sufficient", "insufficient", "plans"}
    wsoa, app = data["plans"]
    assert (wsoa["type"], wsoa["sufficient"], wsoa["insufficient"]) == ("wsoa", 3, 2)
    assert (app["type"], app["due_date"], len(app["areas"])) == ("app", "2022-07-19", 2)
    assert wsoa["due_date"] == "2019-06-13"
    area = wsoa["areas"][1]
    assert {"number", "title", "rag", "latest_judgement"} <= set(area)
    assert (area["number"], area["rag"], area["latest_judgement"]) == (2, "green", "insufficient")
    assert (data["sufficient"], data["insufficient"]) == (3, 2)


def test_plan_summary_on_a_date_before_the_plan_and_in_text(people, lano, wsoa_inspection):
    PlanFieldChange.objects.update(at=timezone.now() - dt.timedelta(days=10))
    earlier = (timezone.localdate() - dt.timedelta(days=20)).isoformat()
    data = json.loads(_run("--area", people.area.code, "--as-of", earlier, "--format", "json"))
    assert data["plans"] == [] and data["sufficient"] == 0
    text = _run("--area", people.area.code)
    assert "Written statement of action" in text and "Significant weakness 5" in text
    assert "0 sufficient, 0 insufficient" in text


def test_plan_summary_refuses_a_bad_area_or_date(people):
    with pytest.raises(CommandError, match="No local area with code 'E00'"):
        _run("--area", "E00")
    with pytest.raises(CommandError, match="--as-of must be a date written YYYY-MM-DD"):
        _run("--area", people.area.code, "--as-of", "14/06/2022")
