"""Demo content: a self-evaluation part-written by the demo area's leads, with evidence and Annex A."""

import datetime as dt

from django.utils import timezone

from sendready.areas.registry import active_inspection, latest_values
from sendready.domain.inspection.annex_a import has_checklist
from sendready.selfevaluation import actions, annex_actions, evidence_actions

POSITIONS = {
    "identified": (
        "inconsistent",
        "Needs are identified well in early years, but waits for neurodevelopmental assessment vary "
        "by locality.",
        "Health advice arrives late in about a third of EHC needs assessments.",
        "Families in the north of the county wait longest, and some support waits on a diagnosis.",
        "Joint triage of requests from January; quarterly report to the SEND partnership board.",
    ),
    "participate": (
        "positive",
        "Families and young people shape their plans; the forum's survey and case file audits agree.",
        "Most families in the forum's survey felt listened to at their review.",
        "Co-production is real at the level of the individual plan.",
        "Keep the annual audit of voice in plans; extend it to SEN support plans.",
    ),
    "commission": (
        "inconsistent",
        "Commissioning is joint for therapies but not yet for alternative provision.",
        "Alternative provision is commissioned school by school.",
        "Leaders cannot yet show the quality of every placement.",
        "A joint alternative provision framework from September.",
    ),
}
EVIDENCE = [
    (
        "lived_experience",
        "Parent carer forum survey, summer",
        ["participate", "identified"],
        True,
        120,
    ),
    (
        "case_study",
        "Year 9 transition: a multi-agency review",
        ["next_steps", "participate"],
        False,
        60,
    ),
    (
        "quality_assurance",
        "Case file audit, EHC plans, term 1",
        ["identified", "right_help"],
        False,
        400,
    ),
    (
        "local_policy",
        "SEND and alternative provision strategy",
        ["commission", "ambitious"],
        True,
        200,
    ),
]


# Criteria led by someone other than the demo system lead: any member can lead one, health too.
LEADS = {"commission": "leader", "right_help": "health"}


def load(area, people) -> None:
    """Write the demo SEF once (a re-run of load-demo leaves what people have changed)."""
    lano, lead = people["lano"], people["systemlead"]
    sef = actions.start_self_evaluation(area=area, actor=lano)
    if sef.evidence.exists():
        return
    today = timezone.localdate()
    for key, (position, rationale, know, means, nxt) in POSITIONS.items():
        entry = sef.entries.get(key=key)
        actions.set_lead(actor=lano, entry=entry, lead=people[LEADS[key]] if key in LEADS else lead)
        actions.save_entry(
            actor=lano,
            entry=entry,
            values={
                "position": position,
                "rationale": rationale,
                "what_we_know": know,
                "what_it_means": means,
                "what_next": nxt,
            },
        )
    for kind, title, criteria, co_produced, age in EVIDENCE:
        day = today - dt.timedelta(days=age)
        evidence_actions.save_evidence(
            actor=lano,
            sef=sef,
            values={
                "kind": kind,
                "title": title,
                "summary": "",
                "evidence_date": day,
                "review_by": day + dt.timedelta(days=365 if age < 300 else 30),
                "owner": lead,
                "co_produced": co_produced,
                "criteria": criteria,
                "link": "https://demoshire.example/send/" + kind.replace("_", "-"),
            },
        )
    latest = latest_values(area)
    if latest is not None and "ehc_plans" in latest.values:
        evidence_actions.pin_indicator(
            actor=lano, sef=sef, indicator_id="ehc_plans", values={"criteria": ["identified"]}
        )
    inspection = active_inspection(area)
    if inspection is not None and has_checklist(inspection.framework):
        annex_actions.start_checklist(area=area, inspection=inspection, actor=lano)
