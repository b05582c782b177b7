"""The demo area's plans: a WSOA after a re-visit with mixed judgements, and the APP."""

import datetime as dt
import json
from io import StringIO

from django.core.management import call_command

from sendready.areas.constants import Role
from sendready.plans import demo
from sendready.plans.models import Plan
from sendready.plans.plan_state import plan_as_at


def _people(people):
    return {
        "lano": people.by_role[Role.LANO],
        "systemlead": people.by_role[Role.SYSTEM_LEAD],
        "health": people.by_role[Role.HEALTH_LEAD],
    }


def test_the_demo_plan_tells_the_story_on_its_own_dates_and_loads_once(people):
    demo.load(people.area, _people(people))
    demo.load(people.area, _people(people))
    wsoa, app = Plan.objects.get(plan_type="wsoa"), Plan.objects.get(plan_type="app")
    assert Plan.objects.count() == 2
    assert (wsoa.due_date, app.due_date) == (dt.date(2019, 6, 13), dt.date(2022, 7, 19))
    now = plan_as_at(wsoa, dt.date.today())
    assert now.judgement_counts() == {"sufficient": 3, "insufficient": 2}
    assert {a.rag for a in plan_as_at(app, dt.date.today()).areas} == {"red", "amber"}
    assert any(m.indicator_id for a in now.areas for m in a.measures)
    out = StringIO()
    call_command(
        "plan_summary",
        "--area",
        people.area.code,
        "--as-of",
        "2019-05-01",
        "--format",
        "json",
        stdout=out,
    )
    then = json.loads(out.getvalue())
    assert [p["type"] for p in then["plans"]] == ["wsoa"]
    assert then["plans"][0]["areas"][0]["title"] == "Timeliness and quality of EHC plans"
    assert (then["sufficient"], then["insufficient"]) == (0, 0)
    out = StringIO()
    call_command(
        "plan_summary",
        "--area",
        people.area.code,
        "--as-of",
        "2022-06-30",
        "--format",
        "json",
        stdout=out,
    )
    after = json.loads(out.getvalue())
    assert [p["type"] for p in after["plans"]] == ["wsoa", "app"]
    assert (after["sufficient"], after["insufficient"]) == (3, 2)
