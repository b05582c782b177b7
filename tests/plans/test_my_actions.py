"""Actions you own: only the person's own actions, of this area's plans, grouped by plan and area,
tagged overdue or falling due by the RAG window; linked from the menu and the plan page."""

import datetime as dt
import re

from sendready.areas.constants import Role
from sendready.plans.actions import create_plan
from sendready.plans.work_actions import save_action


def test_the_page_lists_only_my_actions_with_their_tags(client, people, lano, two_areas):
    _, area_b = two_areas
    lead = people.by_role[Role.SENIOR_LEADER]
    plan = create_plan(actor=lano, area=people.area, plan_type_key="improvement", areas=2)
    one, two = plan.areas.order_by("number")
    today = dt.date.today()
    save_action(
        actor=lano,
        plan_area=one,
        title="Mine overdue",
        owner=lano,
        due_date=today - dt.timedelta(days=3),
    )
    save_action(
        actor=lano,
        plan_area=two,
        title="Mine soon",
        owner=lano,
        due_date=today + dt.timedelta(days=2),
    )
    save_action(
        actor=lano,
        plan_area=two,
        title="Mine later",
        owner=lano,
        due_date=today + dt.timedelta(days=120),
    )
    save_action(actor=lano, plan_area=one, title="Not mine", owner=lead, due_date=today)
    other = create_plan(actor=people.outsider, area=area_b, plan_type_key="improvement", areas=1)
    save_action(
        actor=people.outsider,
        plan_area=other.areas.get(),
        title="Other area",
        owner=people.outsider,
        due_date=today,
    )

    client.force_login(lano)
    url = f"/areas/{people.area.code}/plans/my-actions/"
    html = client.get(url).content.decode()
    assert "Mine overdue" in html and "Mine soon" in html and "Mine later" in html
    assert "Not mine" not in html and "Other area" not in html
    assert "3 open actions" in html
    assert (
        html.index("1. ") < html.index("Mine overdue") < html.index("2. ") < html.index("Mine soon")
    )
    assert len(re.findall(r"govuk-tag--red\">\s*Overdue\s*</strong>", html)) == 1
    assert len(re.findall(r"govuk-tag--yellow\">\s*Falls due soon\s*</strong>", html)) == 1
    assert f"/plans/{plan.pk}/areas/1/actions/" in html  # a LANO edits: the link opens the action

    client.force_login(lead)
    html = client.get(url).content.decode()
    assert "Not mine" in html and "Mine overdue" not in html
    client.force_login(people.by_role[Role.VIEWER])
    assert "You own no actions" in client.get(url).content.decode()
    client.force_login(people.outsider)
    assert client.get(url).status_code == 404


def test_the_menu_and_the_plan_page_link_to_it(client, people, lano):
    plan = create_plan(actor=lano, area=people.area, plan_type_key="improvement", areas=1)
    client.force_login(lano)
    html = client.get(f"/areas/{people.area.code}/plans/{plan.pk}/").content.decode()
    assert f"/areas/{people.area.code}/plans/my-actions/" in html
    assert f"/areas/{people.area.code}/plans/{plan.pk}/monitoring-report/" in html
