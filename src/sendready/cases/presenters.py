"""Tracked cases as rows for pages: ids, reasons and the words for codes."""

import datetime as dt

from sendready.areas.models import LocalArea
from sendready.cases.models import TrackedCase
from sendready.domain.cases.groups import load_groups
from sendready.domain.cases.sampling import need_label

STATUS_WORDS = {"E": "EHC plan", "K": "SEN support", "N": "No SEN recorded"}


def case_rows(area: LocalArea, cases: list[TrackedCase]) -> list[dict]:
    """One row per case for a table: id, status, need, age and the reasons it was chosen."""
    return [
        {
            "case": c,
            "status": STATUS_WORDS.get(c.profile.get("sen_status", ""), ""),
            "need": need_label(c.profile.get("primary_need")),
            "age": c.profile.get("age", ""),
            "reasons": ", ".join(c.reasons),
        }
        for c in cases
    ]


def profile_rows(case: TrackedCase) -> list[tuple[str, str]]:
    """The case's profile from the snapshot, for a summary list."""
    groups = load_groups()
    p = case.profile
    return [
        ("Person id", case.person_id),
        ("SEN status", STATUS_WORDS.get(p.get("sen_status", ""), "Not recorded")),
        ("Primary need", need_label(p.get("primary_need"))),
        ("Age", str(p.get("age", "Not recorded"))),
        (
            "Groups",
            ", ".join(groups[g].label for g in p.get("groups", []) if g in groups) or "None",
        ),
        ("Chosen for", ", ".join(case.reasons) or "Named by inspectors"),
    ]


def cells(rows: list[tuple]) -> list[list[str]]:
    """Table cells as words: dates written out, yes or no, blanks for unknown."""

    def word(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, dt.date):
            return f"{value.day} {value:%b %Y}"
        return str(value)

    return [[word(v) for v in row] for row in rows]
