"""The case file audits' themes, offered to the self-evaluation as findings it can pin as evidence.

Only moderated (agreed) grades and counts leave this app: never a case, a child or an auditor."""

from django.db.models import Max
from django.utils import timezone

from sendready.areas.models import LocalArea
from sendready.areas.registry import Finding
from sendready.cases import themes
from sendready.cases.audit_framework import framework_for
from sendready.cases.models import Moderation


def _table(first: str, grades: list[tuple[str, str]], rows: list) -> tuple[tuple[str, ...], ...]:
    head = (first, *(label for _, label in grades), "Total")
    return (head,) + tuple(
        (name, *(str(n) for n in counts), str(sum(counts))) for name, counts in rows
    )


def audit_findings(area: LocalArea) -> list[Finding]:
    """Agreed grades by audit section and by primary need, once any case's audits are moderated."""
    moderated = Moderation.objects.filter(case__area=area)
    if not moderated.exists():
        return []
    latest = moderated.aggregate(last=Max("moderated_at"))["last"]
    as_of = timezone.localdate(latest) if latest else None
    rolled = themes.themes(area, framework_for(area))
    cases = rolled["cases"]
    of = f"{cases} moderated tracked case{'s' if cases != 1 else ''}"
    found = [
        Finding(
            "agreed_by_section",
            "Case file audits: agreed grades by section",
            f"How the multi-agency audit group graded each part of practice, across {of}.",
            _table("Section", rolled["grades"], rolled["by_section"]),
            as_of,
        ),
        Finding(
            "agreed_by_need",
            "Case file audits: agreed overall grade by primary need",
            f"The agreed overall grade of each case by the child's primary need, across {of}.",
            _table("Primary need", rolled["grades"], rolled["by_need"]),
            as_of,
        ),
    ]
    if rolled["by_agency"]:
        found.append(
            Finding(
                "overall_by_agency",
                "Case file audits: overall grades by agency",
                "The overall grades auditors from each agency gave, before moderation.",
                _table("Agency", rolled["grades"], rolled["by_agency"]),
                as_of,
            )
        )
    return found
