"""A small plan for tests that walk every page (tests/areas/test_access.py)."""

import datetime as dt

from sendready.plans.actions import create_plan
from sendready.plans.work_actions import save_action, save_measure


def sample_plan_kwargs(area, lano) -> dict[str, int]:
    """URL parameters of a plan of `area` with one area, one action and one measure."""
    plan = create_plan(actor=lano, area=area, plan_type_key="improvement", areas=1)
    plan_area = plan.areas.get()
    action = save_action(
        actor=lano, plan_area=plan_area, title="Sample", owner=lano, due_date=dt.date(2026, 1, 5)
    )
    measure = save_measure(actor=lano, plan_area=plan_area, name="Sample", baseline=1, target=2)
    return {"plan_id": plan.pk, "number": 1, "action_id": action.pk, "measure_id": measure.pk}
