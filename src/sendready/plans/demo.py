"""Demo content: Demoshire's written statement of action after its 2019 inspection, the 2022
re-visit's mixed judgements (3 sufficient, 2 insufficient) and the accelerated progress plan,
with actions, dated updates and measures (one following a person-level indicator).

Made through the same outcome hook and actions a person's work goes through; the history rows are
then dated on the story's own days, so the history page and `plan-summary --as-of` tell it."""

import datetime as dt

from django.utils import timezone

from sendready.areas.registry import OutcomeRecorded
from sendready.domain.dates.workdays import add_working_days
from sendready.plans.actions import edit_plan_area
from sendready.plans.models import Plan, PlanFieldChange
from sendready.plans.outcome_actions import follow_outcome
from sendready.plans.work_actions import add_action_update, save_action, save_measure

REPORT = dt.date(2019, 3, 1)
LETTER = dt.date(2022, 6, 14)
AREAS = [
    ("Timeliness and quality of EHC plans", "council", ""),
    ("Joint commissioning across education, health and care", "both", ""),
    ("Waiting times for the neurodevelopmental pathway", "provider", "Demoshire Community Health"),
    ("Co-production with parents and carers", "both", ""),
    ("Preparing for adulthood", "council", ""),
]
JUDGEMENTS = {
    1: "sufficient",
    2: "insufficient",
    3: "sufficient",
    4: "sufficient",
    5: "insufficient",
}


def _dated(day: dt.date, start: int) -> int:
    """Date the history rows written since row `start` on `day` (the story's day, not today)."""
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
    PlanFieldChange.objects.filter(pk__gt=start).update(at=moment)
    last = PlanFieldChange.objects.order_by("-pk").first()
    return last.pk if last else start


def load(area, people) -> None:
    """Once: the WSOA, its re-visit and the accelerated progress plan."""
    if Plan.objects.for_area(area).exists():
        return
    lano, lead, health = people["lano"], people["systemlead"], people["health"]
    mark = _last()
    follow_outcome(
        outcome=OutcomeRecorded(area, None, "2016-inspection", "wsoa", REPORT, {"weaknesses": 5}),
        actor=lano,
    )
    mark = _dated(REPORT, mark)
    wsoa = Plan.objects.for_area(area).get(plan_type="wsoa")
    for plan_area, (title, body, provider) in zip(wsoa.areas.all(), AREAS, strict=True):
        edit_plan_area(
            actor=lano,
            plan_area=plan_area,
            title=title,
            responsible_body=body,
            provider_name=provider,
        )
    mark = _dated(dt.date(2019, 4, 8), mark)
    mark = _wsoa_work(wsoa, lano, lead, health, mark)
    follow_outcome(
        outcome=OutcomeRecorded(
            area, None, "2016-revisit", "insufficient", LETTER, judgements=JUDGEMENTS
        ),
        actor=lano,
    )
    mark = _dated(LETTER, mark)
    app = Plan.objects.for_area(area).get(plan_type="app")
    _app_work(app, lano, lead, health)
    _dated(dt.date(2022, 7, 15), mark)
    # The latest six-monthly review: recorded today, so the page shows where things stand now.
    today = timezone.localdate()
    action = app.areas.get(number=2).actions.latest("due_date")
    add_action_update(
        actor=lead,
        action=action,
        date=today,
        note="Six-monthly review with the DfE and NHS England adviser: on track, evidence shared.",
        evidence_url="https://example.org/demoshire/app-review",
    )


def _last() -> int:
    last = PlanFieldChange.objects.order_by("-pk").first()
    return last.pk if last else 0


def _wsoa_work(wsoa: Plan, lano, lead, health, mark: int) -> int:
    """The WSOA's actions, started when it was submitted and each completed on its due date."""
    one, two, three, four, five = wsoa.areas.order_by("number")
    started = []
    for area, title, owner, start, due in [
        (one, "Quality-assure every new EHC plan", lead, dt.date(2019, 7, 1), dt.date(2020, 3, 31)),
        (
            two,
            "Agree a joint commissioning strategy",
            lano,
            dt.date(2019, 7, 1),
            dt.date(2020, 1, 31),
        ),
        (
            three,
            "Commission extra assessment capacity",
            health,
            dt.date(2019, 9, 1),
            dt.date(2020, 9, 30),
        ),
        (
            four,
            "Set up a co-production charter with the forum",
            lano,
            dt.date(2019, 7, 1),
            dt.date(2019, 12, 20),
        ),
        (
            five,
            "Launch a preparing-for-adulthood pathway",
            lead,
            dt.date(2019, 9, 1),
            dt.date(2021, 3, 31),
        ),
    ]:
        action = save_action(
            actor=lano,
            plan_area=area,
            title=title,
            owner=owner,
            start_date=start,
            due_date=due,
            status="in_progress",
        )
        started.append(action)
    save_measure(
        actor=lano,
        plan_area=one,
        name="New EHC plans issued within 20 weeks (%)",
        baseline=38,
        target=60,
        indicator_id="ehc_within_20_weeks_pct",
        current=52,
    )
    save_measure(
        actor=lano,
        plan_area=three,
        name="Mean wait for a neurodevelopmental assessment (weeks)",
        baseline=62,
        target=30,
        current=28,
        lower_is_better=True,
    )
    mark = _dated(dt.date(2019, 6, 13), mark)
    for action in sorted(started, key=lambda a: a.due_date):
        save_action(
            actor=action.owner,
            plan_area=action.plan_area,
            action=action,
            title=action.title,
            owner=action.owner,
            start_date=action.start_date,
            due_date=action.due_date,
            status="complete",
        )
        add_action_update(
            actor=action.owner,
            action=action,
            date=action.due_date,
            note="Done; signed off at the SEND board.",
        )
        mark = _dated(action.due_date, mark)
    return mark


def _app_work(app: Plan, lano, lead, health) -> None:
    today = timezone.localdate()
    two, five = app.areas.order_by("number")
    save_action(
        actor=lano,
        plan_area=two,
        title="Pooled budget for joint placements agreed by the council and ICB",
        owner=lano,
        start_date=dt.date(2022, 7, 20),
        due_date=today - dt.timedelta(days=14),
        status="in_progress",
    )
    action = save_action(
        actor=lano,
        plan_area=two,
        title="Joint commissioning board reviews every high-cost placement",
        owner=lead,
        start_date=dt.date(2022, 7, 20),
        due_date=add_working_days(today, 60),
        status="in_progress",
    )
    add_action_update(
        actor=lead,
        action=action,
        date=dt.date(2022, 12, 1),
        note="Board meets monthly; terms of reference agreed.",
        evidence_url="https://example.org/demoshire/jcb-terms",
    )
    save_action(
        actor=lano,
        plan_area=five,
        title="Every young person with an EHC plan has a preparing-for-adulthood review from Year 9",
        owner=health,
        start_date=dt.date(2022, 9, 1),
        due_date=add_working_days(today, 10),
        status="in_progress",
    )
    save_measure(
        actor=lano,
        plan_area=five,
        name="Young people with EHC plans not in education, employment or training (%)",
        baseline=14,
        target=8,
        current=11,
        lower_is_better=True,
    )
