"""The monitoring report as a Word file (reader blocks through the documents helpers) and as a workbook
(one sheet per table through documents.xlsx, which keeps text that looks like a formula as text)."""

from __future__ import annotations

from sendready.documents._docx_parts import written_docx
from sendready.documents.blocks import Bullets, Heading, Link, Para, Table, Written
from sendready.documents.docx import _xml_safe
from sendready.documents.xlsx import table_to_xlsx
from sendready.domain.dates.workdays import long_date
from sendready.domain.plans import PLAN_DATA, rag_text
from sendready.plans.report_data import (
    RAG_WORDS,
    ReportData,
    body_words,
    direction_words,
    is_overdue,
    judgement_words,
    measure_met,
    rule_sentence,
    shown,
    status_words,
)

ACTION_HEADERS = ("Action", "Owner", "Start", "Due", "Status", "Overdue")
MEASURE_HEADERS = ("Measure", "Baseline", "Target", "Current", "Direction", "Target met")
CHANGE_HEADERS = ("What", "Field", "Before", "After")


def _day(value) -> str:
    return long_date(value, weekday=False) if value else "Not set"


def _number(value: float | None) -> str:
    return "Not known" if value is None else f"{value:g}"


def _met(value: bool | None) -> str:
    return "Not known" if value is None else ("Yes" if value else "No")


def report_title(data: ReportData) -> str:
    return f"{data.plan.title}: monitoring report for the meeting of {_day(data.meeting_date)}"


def _summary(data: ReportData) -> list[tuple[str, str]]:
    plan, inspection = data.plan, data.plan.inspection
    rows = [("Plan", plan.title), ("Type of plan", data.type_title)]
    if inspection is not None:
        rows.append(("Inspection it answers", str(inspection)))
        rows.append(("Inspection notified", _day(inspection.notified_on)))
        if inspection.onsite_start:
            rows.append(
                (
                    "Inspectors on site",
                    f"{_day(inspection.onsite_start)} to {_day(inspection.onsite_end)}",
                )
            )
    else:
        rows.append(("Inspection it answers", "None"))
    counts = data.state.judgement_counts()
    rows += [
        ("Plan due", _day(plan.due_date) if plan.due_date else "No date is fixed"),
        ("Meeting date", _day(data.meeting_date)),
        ("Progress since", f"{data.since_label}, {_day(data.since)}"),
        (
            "Latest judgements",
            f"{counts['sufficient']} sufficient, {counts['insufficient']} insufficient",
        ),
    ]
    return rows


def _area_blocks(data: ReportData) -> list:
    day = data.meeting_date
    blocks: list = []
    for a in data.state.areas:
        kind = PLAN_DATA["area_kinds"].get(a.kind, a.kind)
        judgement, judged_on = judgement_words(a)
        blocks += [
            Heading(f"{a.number}. {a.title}", level=1),
            Bullets(
                (
                    f"Kind: {kind}",
                    f"Responsible: {body_words(a)}",
                    f"RAG: {RAG_WORDS[a.rag]}. {rule_sentence(a.rag)}",
                    f"Latest judgement: {judgement}"
                    + (f" ({_day(judged_on)})" if judged_on else ""),
                )
            ),
        ]
        if a.description:
            blocks.append(Para(a.description))
        blocks.append(
            Table(
                f"Actions for area {a.number}",
                ACTION_HEADERS,
                tuple(
                    (
                        x.title,
                        x.owner,
                        _day(x.start_date),
                        _day(x.due_date),
                        status_words(x),
                        "Yes" if is_overdue(x, day) else "No",
                    )
                    for x in a.actions
                ),
            )
            if a.actions
            else Para("No actions on the meeting date.")
        )
        blocks.append(
            Table(
                f"Measures of success for area {a.number}",
                MEASURE_HEADERS,
                tuple(
                    (
                        m.name,
                        _number(m.baseline),
                        _number(m.target),
                        _number(m.current),
                        direction_words(m),
                        _met(measure_met(m)),
                    )
                    for m in a.measures
                ),
            )
            if a.measures
            else Para("No measures on the meeting date.")
        )
        updates = [u for u in data.updates if u.area_number == a.number]
        blocks.append(Heading(f"Updates since {_day(data.since)}", level=2))
        if not updates:
            blocks.append(Para("No dated updates in that time."))
        for u in updates:
            blocks.append(Para(f"{_day(u.date)}, {u.action}: {u.note}"))
            if u.evidence_url:
                blocks.append(Link(f"Evidence for {u.action}, {_day(u.date)}", u.evidence_url))
    return blocks


def report_written(data: ReportData) -> Written:
    summary = _summary(data)
    blocks: list = [
        Para(
            "For the monitoring meeting with the Department for Education and NHS England. "
            f"The plan as it stood on {_day(data.meeting_date)}, with progress since "
            f"{data.since_label} on {_day(data.since)}."
        ),
        Table("About the plan", ("Item", "Detail"), tuple(summary)),
        Heading("How the RAG status is worked out", level=1),
        Bullets(tuple(rag_text())),
        *_area_blocks(data),
        Heading(f"What changed since {_day(data.since)}", level=1),
    ]
    if data.changes:
        blocks.append(
            Table(
                "Changes to the plan, with before and after",
                CHANGE_HEADERS,
                tuple(
                    (
                        f"{c.kind} {c.item_id}" + (f": {c.what}" if c.what else ""),
                        c.field,
                        shown(c.before),
                        shown(c.after),
                    )
                    for c in data.changes
                ),
            )
        )
    else:
        blocks.append(Para("Nothing in the plan changed in that time."))
    return _xml_safe(Written(title=report_title(data), blocks=tuple(blocks)))


def report_docx(data: ReportData) -> bytes:
    return written_docx(report_written(data))


def report_xlsx(data: ReportData) -> bytes:
    day = data.meeting_date
    areas = data.state.areas
    sheets: dict[str, tuple[tuple[str, ...], list]] = {
        "Summary": (("Item", "Detail"), _summary(data)),
        "Areas": (
            (
                "Number",
                "Area",
                "Kind",
                "Responsible",
                "RAG",
                "RAG rule",
                "Latest judgement",
                "Judged on",
            ),
            [
                (
                    a.number,
                    a.title,
                    PLAN_DATA["area_kinds"].get(a.kind, a.kind),
                    body_words(a),
                    RAG_WORDS[a.rag],
                    rule_sentence(a.rag),
                    *judgement_words(a),
                )
                for a in areas
            ],
        ),
        "Actions": (
            ("Area", *ACTION_HEADERS),
            [
                (
                    a.number,
                    x.title,
                    x.owner,
                    x.start_date,
                    x.due_date,
                    status_words(x),
                    "Yes" if is_overdue(x, day) else "No",
                )
                for a in areas
                for x in a.actions
            ],
        ),
        "Updates since last report": (
            ("Area", "Action", "Date", "Update", "Evidence link"),
            [(u.area_number, u.action, u.date, u.note, u.evidence_url) for u in data.updates],
        ),
        "Measures": (
            ("Area", *MEASURE_HEADERS),
            [
                (
                    a.number,
                    m.name,
                    m.baseline,
                    m.target,
                    m.current,
                    direction_words(m),
                    _met(measure_met(m)),
                )
                for a in areas
                for m in a.measures
            ],
        ),
        "Changes": (
            ("What", "Field", "Before", "After"),
            [
                (
                    f"{c.kind} {c.item_id}" + (f": {c.what}" if c.what else ""),
                    c.field,
                    shown(c.before),
                    shown(c.after),
                )
                for c in data.changes
            ],
        ),
    }
    return table_to_xlsx(sheets)
