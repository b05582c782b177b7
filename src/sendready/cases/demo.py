"""Demo content: a practice sample of tracked cases in the demo area, with a team, a pen portrait and
chronology, consent, and audits (one case moderated) so the case pages and agreement show something."""

import datetime as dt

from sendready.areas.registry import find_snapshot
from sendready.cases import audit_actions, portrait_actions, team_actions, workspace_actions
from sendready.cases.actions import draw_practice_sample
from sendready.cases.constants import Agency
from sendready.cases.models import CaseSelection
from sendready.domain.cases.audit_framework import load_audit_framework

DEMO_SEED = 2026
PORTRAIT = (
    "Alex is 14 and loves drawing and buses. Alex lives with mum and a younger brother and goes to "
    "a special school out of the county.\n"
    "Alex finds change hard and communicates best with pictures. Mum says the annual review was the "
    "first time she felt everyone was talking to each other."
)
CHRONOLOGY = [
    (380, "EHC needs assessment requested by the school", Agency.EDUCATION),
    (300, "Health advice for the assessment received (late)", Agency.HEALTH),
    (250, "EHC plan issued, week 22", Agency.EDUCATION),
    (60, "Annual review held with the family and social worker", Agency.SOCIAL_CARE),
]


def load(area, people) -> None:
    """Add the demo practice sample once (a second load-demo leaves it as it is)."""
    snapshot = find_snapshot(area)
    if snapshot is None or CaseSelection.objects.filter(area=area).exists():
        return
    lano, practitioner, health = people["lano"], people["practitioner"], people["health"]
    today = dt.date.today()
    selection = draw_practice_sample(
        actor=lano, area=area, snapshot=snapshot, mix="seed", seed=DEMO_SEED, named_on=today
    )
    first, second = selection.cases.filter(status="tracked").order_by("position")[:2]
    for case in (first, second):
        team_actions.assign_member(
            actor=lano,
            case=case,
            user=practitioner,
            role_title="EHC plan co-ordinator",
            agency=Agency.EDUCATION,
            is_auditor=True,
        )
        team_actions.assign_member(
            actor=lano,
            case=case,
            user=health,
            role_title="Designated clinical officer",
            agency=Agency.HEALTH,
            is_auditor=True,
        )
    portrait_actions.save_pen_portrait(actor=practitioner, case=first, text=PORTRAIT)
    for days_ago, event, agency in CHRONOLOGY:
        portrait_actions.add_chronology_entry(
            actor=practitioner,
            case=first,
            happened_on=today - dt.timedelta(days=days_ago),
            event=event,
            agency=agency,
        )
    workspace_actions.record_consent(
        actor=lano,
        case=first,
        values={
            "consent_status": "given",
            "consent_by": "Mother",
            "consent_on": today,
            "consent_method": "phone",
        },
    )
    _audits(first, practitioner, health, lano)
    audit_actions.save_audit(
        actor=practitioner, case=second, values=_grades("requires_improvement"), submit=True
    )


def _grades(grade: str, **overrides: str) -> dict[str, dict[str, str]]:
    return {
        s.key: {
            "grade": overrides.get(s.key, grade),
            "strengths": "The child's voice is clear in the plan." if s.key == "voice" else "",
            "areas_to_develop": "Health advice arrived late." if s.key == "multi_agency" else "",
        }
        for s in load_audit_framework().active_sections
    }


def _audits(case, practitioner, health, lano) -> None:
    """Two independent audits that mostly agree, and the chair's moderation."""
    keys = [s.key for s in load_audit_framework().active_sections]
    audit_actions.save_audit(
        actor=practitioner,
        case=case,
        values=_grades("good", **{keys[0]: "outstanding"}),
        submit=True,
    )
    audit_actions.save_audit(
        actor=health,
        case=case,
        values=_grades("good", **{keys[-1]: "requires_improvement"}),
        submit=True,
    )
    agreed = {k: "good" for k in keys}
    audit_actions.moderate_case(actor=lano, case=case, agreed=agreed, notes="Agreed at the panel.")
