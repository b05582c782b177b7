"""The definitions page: every figure's definition beside DfE's, grouped as the dashboard groups them,
with where ours differs (from indicators.json, so the page, the dashboard and the JSON never disagree)."""

from dataclasses import dataclass, field

from sendready.domain.person_level.indicator_rules import SOCIAL_CARE_HEALTH, specs
from sendready.domain.person_level.indicators import definitions
from sendready.domain.person_level.schema import load_schema
from sendready.pupildata.presenters import SECTIONS, STATUS_COLUMNS, display

PERIODS = {
    "rolling": "The 12 months up to and including the date of the figures.",
    "calendar": "DfE's last whole calendar year before the date of the figures (1 January to 31 "
    "December; the year itself when the figures are as at 31 December).",
    "": "The date of the figures.",
}


@dataclass(frozen=True)
class Definition:
    """One figure's definition, DfE's, and the difference between them (None: none to note)."""

    id: str
    title: str
    definition: str
    dfe_definition: str
    dfe_publishes: bool
    differs_from_dfe: str | None
    period: str
    national: str | None
    needs: list[str] = field(default_factory=list)  # "Title (column_name)" of optional columns


def _entry(indicator_id: str) -> Definition:
    spec = {s.id: s for s in specs()}[indicator_id]
    d = definitions()[indicator_id]
    schema = load_schema()
    national = d.get("national") or {}
    return Definition(
        id=indicator_id,
        title=d["title"],
        definition=d["definition"],
        dfe_definition=d.get("dfe_definition", ""),
        dfe_publishes=bool(d.get("dfe_publishes")),
        differs_from_dfe=d.get("differs_from_dfe"),
        period=PERIODS[spec.period],
        national=(
            f"{display(national['value'], d['unit'])} ({national.get('period', '')}). "
            f"Source: {national.get('source', '')}"
            if national.get("value") is not None
            else None
        ),
        needs=[f"{schema[n].title} ({n})" for n in spec.needs],
    )


def definition_groups() -> list[tuple[str, list[Definition]]]:
    """Every indicator's definition, in the dashboard's groups, then any left over."""
    groups = [(title, list(ids)) for title, ids in SECTIONS]
    groups.append(
        (
            "Social care and health, by SEN status",
            [f"{flag}{suffix}" for flag in SOCIAL_CARE_HEALTH for _, _, suffix in STATUS_COLUMNS],
        )
    )
    shown = {i for _, ids in groups for i in ids}
    left = [s.id for s in specs() if s.id not in shown]
    if left:
        groups.append(("Other figures", left))
    return [(title, [_entry(i) for i in ids]) for title, ids in groups]


def where_they_differ(
    groups: list[tuple[str, list[Definition]]],
) -> tuple[list[Definition], list[Definition], list[Definition]]:
    """Figures DfE publishes that ours counts differently, those it counts the same, and figures DfE
    does not publish at all."""
    entries = [d for _, group in groups for d in group]
    return (
        [d for d in entries if d.dfe_publishes and d.differs_from_dfe],
        [d for d in entries if d.dfe_publishes and not d.differs_from_dfe],
        [d for d in entries if not d.dfe_publishes],
    )
