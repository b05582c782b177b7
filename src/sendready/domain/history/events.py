"""Local areas and their area SEND inspection history: loading, CSV import and validation."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources

COLUMNS = (
    "la_name",
    "name_in_source",
    "new_la_code",
    "old_la_code",
    "ons_region",
    "ofsted_region",
    "framework",
    "event_type",
    "start_date",
    "publication_date",
    "outcome",
    "n_weaknesses_or_priority_areas",
    "revisit_n_sufficient",
    "revisit_n_insufficient",
    "source",
)
EVENT_TYPES = {
    "2016": {"full inspection": "full", "revisit": "revisit"},
    "2023": {"full inspection": "full", "monitoring inspection": "monitoring"},
}
_SENTENCE_POSITIVE = (
    "The local area partnership's arrangements typically lead to positive experiences and outcomes "
    "for children and young people with SEND."
)
# Accepted outcome wordings (lower case) -> code, per (framework, kind). Data-file wording first, then
# the report sentences of area-send-facts.md 1.2, then the codes themselves.
OUTCOMES: dict[tuple[str, str], dict[str, str]] = {
    ("2016", "full"): {
        "wsoa required": "WSOA",
        "wsoa": "WSOA",
        "no wsoa": "NO_WSOA",
        "no_wsoa": "NO_WSOA",
    },
    ("2016", "revisit"): {
        "sufficient progress on all weaknesses": "ALL_SUFFICIENT",
        "sufficient progress on some weaknesses": "SOME_SUFFICIENT",
        "insufficient progress on all weaknesses": "NONE_SUFFICIENT",
        "all_sufficient": "ALL_SUFFICIENT",
        "some_sufficient": "SOME_SUFFICIENT",
        "none_sufficient": "NONE_SUFFICIENT",
    },
    ("2023", "full"): {
        "typically positive experiences and outcomes": "POSITIVE",
        "inconsistent experiences and outcomes": "INCONSISTENT",
        "widespread and/or systemic failings": "SYSTEMIC",
        _SENTENCE_POSITIVE.lower(): "POSITIVE",
        "the local area partnership's send arrangements typically lead to positive experiences and outcomes for "
        "children and young people with send.": "POSITIVE",
        "the local area partnership's arrangements lead to inconsistent experiences and outcomes for children and "
        "young people with send.": "INCONSISTENT",
        "there are widespread and/or systemic failings leading to significant concerns about the experiences and "
        "outcomes of children and young people with send, which the local area partnership must address "
        "urgently.": "SYSTEMIC",
        "positive": "POSITIVE",
        "inconsistent": "INCONSISTENT",
        "systemic": "SYSTEMIC",
    },
}
OUTCOME_WORDS = {
    "WSOA": "written statement of action required",
    "NO_WSOA": "no written statement of action",
    "ALL_SUFFICIENT": "sufficient progress on all weaknesses",
    "SOME_SUFFICIENT": "sufficient progress on some weaknesses",
    "NONE_SUFFICIENT": "insufficient progress on all weaknesses",
    "POSITIVE": "typically positive experiences and outcomes",
    "INCONSISTENT": "inconsistent experiences and outcomes",
    "SYSTEMIC": "widespread and/or systemic failings",
}
KIND_WORDS = {
    "full": "full inspection",
    "monitoring": "monitoring inspection",
    "revisit": "re-visit",
}
# The source of an area's own recorded inspection: complete for that area only, so it never says how far the
# national history reaches (how new the forecast's data is, which terms are fully known).
RECORDED_SOURCE = "recorded in sendready by the local area"


def newest_national(events: list[HistoryEvent], kind: str | None = None) -> date | None:
    """The newest start (or publication) date in the national history, ignoring areas' own records."""
    return max(
        (
            e.ordering_date
            for e in events
            if e.source != RECORDED_SOURCE and (kind is None or e.kind == kind)
        ),
        default=None,
    )


@dataclass(frozen=True)
class Area:
    """A local area (local authority footprint); abolished areas have is_current False and successors."""

    code: str
    name: str
    old_la_code: str
    region: str
    region_code: str
    ofsted_region: str
    is_current: bool = True
    abolished_on: date | None = None
    successor_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class HistoryEvent:
    """One full inspection, monitoring inspection or re-visit; None means unknown, never guessed."""

    area_code: str
    area_name: str
    framework: str  # "2016" or "2023"
    kind: str  # "full", "monitoring" or "revisit"
    start_date: date | None
    publication_date: date | None
    outcome: str | None  # code, e.g. WSOA, POSITIVE, SOME_SUFFICIENT
    outcome_text: str = ""
    old_la_code: str = ""
    n_weaknesses_or_priority_areas: int | None = None
    revisit_n_sufficient: int | None = None
    revisit_n_insufficient: int | None = None
    source: str = ""
    row: int | None = None

    @property
    def ordering_date(self) -> date:
        """Start date, or the publication date when the start is unknown."""
        return self.start_date or self.publication_date  # type: ignore[return-value]

    @property
    def key(self) -> str:
        """Event identity: re-importing a row with the same key changes nothing."""
        return event_key(
            self.area_code, self.framework, self.kind, self.start_date, self.publication_date
        )


def event_key(
    area_code: str, framework: str, kind: str, start: date | None, published: date | None
) -> str:
    """Identity of an event: area, framework, kind and start date (publication date if start unknown)."""
    when = (
        start.isoformat() if start else f"published {published.isoformat() if published else '?'}"
    )
    return f"{area_code}|{framework}|{kind}|{when}"


@dataclass(frozen=True)
class RowError:
    """A problem with one cell of an imported file; row counts as a spreadsheet does (header is row 1)."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Row {self.row}, column '{self.column}': {self.message}"


@dataclass(frozen=True)
class ParseResult:
    """Events that passed every check, and the errors found (rows with errors are left out)."""

    events: list[HistoryEvent]
    errors: list[RowError]
    layout: str = ""  # which accepted layout the file was read as


def _data_text(name: str) -> str:
    return (
        resources.files("sendready.domain.history").joinpath(f"data/{name}").read_text("utf-8-sig")
    )


@cache
def _load_areas() -> tuple[Area, ...]:
    ofsted = {
        r["region_name"]: r["ofsted_region"]
        for r in csv.DictReader(io.StringIO(_data_text("areas/ofsted_regions.csv")))
    }
    areas = [
        Area(
            r["new_la_code"],
            r["la_name"],
            r["old_la_code"],
            r["region_name"],
            r["region_code"],
            ofsted[r["region_name"]],
        )
        for r in csv.DictReader(
            io.StringIO(_data_text("areas/dfe_local_authorities_153_2024-25.csv"))
        )
    ]
    for r in csv.DictReader(io.StringIO(_data_text("areas/predecessors.csv"))):
        areas.append(
            Area(
                r["new_la_code"],
                r["la_name"],
                r["old_la_code"],
                r["region_name"],
                r["region_code"],
                ofsted[r["region_name"]],
                False,
                date.fromisoformat(r["abolished_on"]),
                tuple(r["successor_codes"].split(";")),
            )
        )
    return tuple(areas)


def load_areas(current_only: bool = False) -> list[Area]:
    """The 153 current English local areas, plus abolished predecessors unless current_only."""
    return [a for a in _load_areas() if a.is_current or not current_only]


@cache
def _load_events() -> tuple[HistoryEvent, ...]:
    result = parse_inspection_events(
        _data_text("inspections/area_send_events_to_2025-08-31.csv"), load_areas()
    )
    if result.errors:  # the shipped file must always be clean
        raise ValueError("; ".join(str(e) for e in result.errors[:5]))
    return tuple(result.events)


def load_events() -> list[HistoryEvent]:
    """The shipped inspection history (to 31 August 2025), in file order."""
    return list(_load_events())


def _date(value: str) -> date | None:
    """Strict YYYY-MM-DD, or None."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def parse_inspection_events(text: str, areas: list[Area]) -> ParseResult:
    """Parse and check the text of an inspections CSV in the layout of area_send_events_to_2025-08-31.csv.

    Only the text given is ever parsed: it is never taken for a file name, so an upload cannot make the
    server open one of its own files."""
    text = text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        return ParseResult(
            [], [RowError(1, c, "this column is missing from the header row") for c in missing]
        )
    rows: Iterable[tuple[int, dict[str, str], dict[str, str]]] = (
        (n, {k: (raw.get(k) or "").strip() for k in COLUMNS}, {})
        for n, raw in enumerate(reader, start=2)
    )
    return check_rows(rows, areas)


def check_rows(
    rows: Iterable[tuple[int, dict[str, str], dict[str, str]]],
    areas: list[Area],
    errors: list[RowError] | None = None,
) -> ParseResult:
    """Check rows already in this layout: (row number, {column: text}, {our column: the file's column name}).
    Problems are named by the file's own column names; an event already in an earlier row is a problem."""
    by_code = {a.code: a for a in areas}
    events: list[HistoryEvent] = []
    errors = list(errors or [])
    seen: dict[str, int] = {}
    for row_number, row, names in rows:
        row_errors, event = _check_row(row_number, row, by_code)
        if event is not None:
            if event.key in seen:
                row_errors.append(
                    RowError(
                        row_number,
                        "start_date",
                        (
                            f"this {KIND_WORDS[event.kind]} of {event.area_name} ({event.framework} framework) "
                            f"is already in row {seen[event.key]} of this file"
                        ),
                    )
                )
            else:
                seen[event.key] = row_number
        errors.extend(replace(e, column=names.get(e.column, e.column)) for e in row_errors)
        if event is not None and not row_errors:
            events.append(event)
    return ParseResult(events, sorted(errors, key=lambda e: e.row))


def _int(row_number: int, row: dict[str, str], column: str, errors: list[RowError]) -> int | None:
    value = row[column]
    if not value:
        return None
    if not value.isdigit():
        errors.append(
            RowError(
                row_number, column, f"'{value}' should be a whole number, or left blank if unknown"
            )
        )
        return None
    return int(value)


def _check_row(
    n: int, row: dict[str, str], by_code: dict[str, Area]
) -> tuple[list[RowError], HistoryEvent | None]:
    """Check one data row; return its errors and the event (None if it cannot be built)."""
    errors: list[RowError] = []
    area = by_code.get(row["new_la_code"])
    if area is None:
        errors.append(
            RowError(
                n,
                "new_la_code",
                f"'{row['new_la_code']}' is not the code of a known local area "
                "(use the ONS code, e.g. E06000059 for Dorset)",
            )
        )
    elif row["old_la_code"] and row["old_la_code"] != area.old_la_code:
        errors.append(
            RowError(
                n,
                "old_la_code",
                f"'{row['old_la_code']}' does not match {area.name}, "
                f"whose old LA code is {area.old_la_code}",
            )
        )
    framework = row["framework"]
    kinds = EVENT_TYPES.get(framework)
    kind = None
    if kinds is None:
        errors.append(
            RowError(n, "framework", f"'{framework}' is not a framework; use 2016 or 2023")
        )
    else:
        kind = kinds.get(row["event_type"].lower())
        if kind is None:
            errors.append(
                RowError(
                    n,
                    "event_type",
                    f"'{row['event_type']}' is not an event of the {framework} "
                    f"framework; use one of: {', '.join(kinds)}",
                )
            )
    dates: dict[str, date | None] = {}
    for column in ("start_date", "publication_date"):
        value = row[column]
        dates[column] = _date(value) if value else None
        if value and dates[column] is None:
            errors.append(
                RowError(
                    n, column, f"'{value}' is not a date written as YYYY-MM-DD (e.g. 2024-03-11)"
                )
            )
    start, published = dates["start_date"], dates["publication_date"]
    if not row["start_date"] and not row["publication_date"]:
        errors.append(
            RowError(n, "start_date", "give the start date, or at least the publication date")
        )
    if start and published and published < start:
        errors.append(
            RowError(
                n,
                "publication_date",
                f"the report is dated {published:%d %B %Y}, before the "
                f"inspection started on {start:%d %B %Y}",
            )
        )
    outcome = None
    if kind is not None and row["outcome"] and (framework, kind) in OUTCOMES:
        outcome = OUTCOMES[(framework, kind)].get(row["outcome"].lower())
        if outcome is None:
            allowed = sorted(
                {
                    w
                    for w, c in OUTCOMES[(framework, kind)].items()
                    if len(w) < 50 and w != c.lower()
                }
            )
            errors.append(
                RowError(
                    n,
                    "outcome",
                    f"'{row['outcome']}' is not an outcome of a {framework} "
                    f"{KIND_WORDS[kind]}; use one of: {', '.join(allowed)} "
                    "(or leave blank if not yet known)",
                )
            )
    numbers = {
        c: _int(n, row, c, errors)
        for c in (
            "n_weaknesses_or_priority_areas",
            "revisit_n_sufficient",
            "revisit_n_insufficient",
        )
    }
    dates_ok = all(dates[c] or not row[c] for c in dates)
    if area is None or kind is None or not dates_ok or not (start or published):
        return errors, None
    event = HistoryEvent(
        area.code,
        area.name,
        framework,
        kind,
        start,
        published,
        outcome,
        row["outcome"],
        area.old_la_code,
        numbers["n_weaknesses_or_priority_areas"],
        numbers["revisit_n_sufficient"],
        numbers["revisit_n_insufficient"],
        row["source"],
        n,
    )
    return errors, event


def successor_map(areas: list[Area]) -> dict[str, tuple[str, ...]]:
    """Map each abolished area's code to its successors' codes (current areas map to themselves)."""
    return {a.code: (a.successor_codes if not a.is_current else (a.code,)) for a in areas}


def history_for_current_areas(events: list[HistoryEvent], areas: list[Area]) -> list[HistoryEvent]:
    """Events re-attributed to current areas: an abolished area's events count for each successor."""
    mapping = successor_map(areas)
    names = {a.code: a.name for a in areas}
    out = []
    for e in events:
        for code in mapping.get(e.area_code, (e.area_code,)):
            out.append(e if code == e.area_code else _replace_area(e, code, names.get(code, code)))
    return out


def _replace_area(e: HistoryEvent, code: str, name: str) -> HistoryEvent:
    return replace(
        e, area_code=code, area_name=name, source=f"{e.source} (as part of {e.area_name})"
    )
