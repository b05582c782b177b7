"""Reading inspection files in the layouts councils already have, detected from the header row.

Accepted: our own layout (history.COLUMNS), Ofsted's official statistics on 2016-framework inspections and
re-visits (CSV, or the .ods as published: the header is found below its title rows), Ofsted's management
information on 2023-framework inspections, and the CSV of Data to Insight's public ofsted-send-scrape-tool
(local authority names in lower case, dates as dd/mm/yy, outcome grade 1-3, some start dates blank). Each row
becomes one or two rows of our layout and goes through the same checks (history.check_rows); problems are named
by the file's own row and column.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime

from sendready.domain.history.events import COLUMNS, Area, ParseResult, RowError, check_rows

LAYOUTS = {
    "sendready": "sendready's own layout (the columns of area_send_events_to_2025-08-31.csv)",
    "ofsted_statistics": (
        "Ofsted's official statistics on area SEND inspections and re-visits under the 2016 "
        "framework (the published .ods, or its data sheet saved as CSV)"
    ),
    "ofsted_mi": "Ofsted's management information on area SEND inspections under the 2023 framework (CSV)",
    "d2i_scrape": "Data to Insight's Ofsted SEND summary (the CSV of its ofsted-send-scrape-tool)",
}
_OFFICIAL_OUTCOME = "inspection outcome: written statement of action required?"
_OFFICIAL_REVISIT = "revisit outcome: sufficient progress in addressing all significant weaknesses?"
SIGNATURES = {
    "sendready": {c.replace("_", " ") for c in COLUMNS},
    "ofsted_statistics": {"local authority code", "inspection start date", _OFFICIAL_OUTCOME},
    "ofsted_mi": {"local area partnership", "inspection start date", "inspection outcome"},
    "d2i_scrape": {"la code", "local authority", "inspection start date", "outcome grade"},
}
_HEADER_SEARCH_ROWS = 20
_NAME_NOISE = {
    "city",
    "of",
    "metropolitan",
    "borough",
    "council",
    "county",
    "district",
    "the",
    "royal",
    "london",
}
Native = tuple[int, dict[str, str], dict[str, str]]


def _norm(heading: str) -> str:
    return " ".join(heading.replace(".", " ").replace("_", " ").strip().strip('"').lower().split())


def canonical_name(name: str) -> str:
    """A local authority name reduced so that 'telford & wrekin' matches 'Telford and Wrekin' and
    'kingston upon hull' matches 'Kingston upon Hull, City of'."""
    words = re.sub(r"[^a-z0-9 ]", " ", name.lower().replace("&", " and ")).split()
    kept = [w for w in words if w not in _NAME_NOISE]
    return " ".join(kept or words)


def read_rows(data: bytes) -> list[tuple[int, list[str]]]:
    """Every row of a CSV or spreadsheet as (row number as a spreadsheet shows it, cell texts)."""
    if data[:2] == b"PK":
        return _spreadsheet_rows(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # CSV saved by older Excel
    return [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text)), start=1)]


class SpreadsheetTooLarge(ValueError):
    """A spreadsheet that would expand far beyond what an inspection list needs (a zip bomb, or the wrong file)."""


# An inspection list is a few hundred rows: Ofsted's .ods expands to about 0.3 MB at a ratio of 15 at most.
MAX_EXPANDED_BYTES = 20 * 1024 * 1024
MAX_RATIO = 200


def check_zip(data: bytes) -> None:
    """Refuse a spreadsheet whose parts would expand past MAX_EXPANDED_BYTES or compress suspiciously well,
    before anything is decompressed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
    total = sum(m.file_size for m in members)
    if total > MAX_EXPANDED_BYTES or any(
        m.file_size > MAX_RATIO * max(m.compress_size, 1024) for m in members
    ):
        raise SpreadsheetTooLarge("too large when opened")


def _spreadsheet_rows(data: bytes) -> list[tuple[int, list[str]]]:
    """The rows of the first sheet holding an accepted header row (OpenDocument or Excel)."""
    import fastexcel  # only needed for spreadsheets

    check_zip(data)
    reader = fastexcel.read_excel(data)
    first: list[tuple[int, list[str]]] = []
    for name in reader.sheet_names:
        frame = reader.load_sheet_by_name(name, header_row=None).to_polars()
        rows = [
            (n, ["" if v is None else str(v) for v in row])
            for n, row in enumerate(frame.rows(), start=1)
        ]
        if _find_header(rows) is not None:
            return rows
        first = first or rows
    return first


def _find_header(rows: list[tuple[int, list[str]]]) -> tuple[str, int] | None:
    for index, (_, cells) in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        names = {_norm(c) for c in cells}
        for layout, needed in SIGNATURES.items():
            if needed <= names:
                return layout, index
    return None


def parse_date(value: str) -> date:
    """A date as Ofsted's and Data to Insight's files write them: 2023-03-27 (maybe with a time),
    27/03/2023, 27/03/23 or 27 March 2023. Raises ValueError otherwise."""
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T]00:00:00(\.0+)?)?", value):
        return date.fromisoformat(value[:10])
    for fmt in ("%d/%m/%Y", "%d/%m/%y", "%d %B %Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(value)


class _Areas:
    """Find an area by ONS code, old three-digit LA code or name."""

    def __init__(self, areas: list[Area]) -> None:
        self.by_code = {a.code: a for a in areas}
        self.by_old = {a.old_la_code: a for a in areas if a.is_current}
        self.by_name = {canonical_name(a.name): a for a in areas if not a.is_current}
        self.by_name.update({canonical_name(a.name): a for a in areas if a.is_current})

    def find(self, code: str = "", old: str = "", name: str = "") -> Area | None:
        old = old.strip().removesuffix(".0")
        return (
            self.by_code.get(code.strip().upper())
            or self.by_old.get(old)
            or (self.by_name.get(canonical_name(name)) if name.strip() else None)
        )


class _Row:
    """One source row: cells by normalised heading, and problems named by the file's own headings."""

    def __init__(
        self, number: int, header: list[str], cells: list[str], errors: list[RowError]
    ) -> None:
        self.number, self.errors = number, errors
        self.heading = {_norm(h): h.strip() for h in header}
        self.cells = {
            _norm(h): (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)
        }

    def get(self, key: str) -> str:
        return self.cells.get(key, "")

    def problem(self, key: str, message: str) -> None:
        self.errors.append(RowError(self.number, self.heading.get(key, key), message))

    def date(self, key: str, blank_words: tuple[str, ...] = ()) -> str | None:
        """ISO text of the date in `key` ('' when blank), or None after noting a problem."""
        value = self.get(key)
        if not value or value.lower() in blank_words:
            return ""
        try:
            return parse_date(value).isoformat()
        except ValueError:
            self.problem(key, f"'{value}' is not a date (write it as 27/03/2023 or 2023-03-27)")
            return None

    def native(self, area: Area, **values: str) -> dict[str, str]:
        row = dict.fromkeys(COLUMNS, "")
        row.update(
            la_name=area.name,
            name_in_source=area.name,
            new_la_code=area.code,
            ons_region=area.region,
        )
        row.update(values)
        return row


def _official(row: _Row, areas: _Areas) -> list[tuple[dict[str, str], dict[str, str]]]:
    code = row.get("local authority code")
    area = areas.find(code=code)
    if area is None:
        row.problem(
            "local authority code",
            f"'{code}' is not the ONS code of a known local area (e.g. E06000059 for Dorset)",
        )
        return []
    start, published = row.date("inspection start date"), row.date("inspection publication date")
    wsoa = {"yes": "WSOA required", "no": "No WSOA", "": ""}.get(row.get(_OFFICIAL_OUTCOME).lower())
    if wsoa is None:
        row.problem(
            _OFFICIAL_OUTCOME,
            f"'{row.get(_OFFICIAL_OUTCOME)}' should be Yes or No (or blank if unknown)",
        )
    if start is None or published is None or wsoa is None:
        return []
    names = {
        "new_la_code": "local authority code",
        "start_date": "inspection start date",
        "publication_date": "inspection publication date",
        "outcome": _OFFICIAL_OUTCOME,
        "n_weaknesses_or_priority_areas": "number significant weaknesses identified in written statement of action",
    }
    out = [
        (
            row.native(
                area,
                framework="2016",
                event_type="full inspection",
                start_date=start,
                publication_date=published,
                outcome=wsoa,
                source="ofsted_official_statistics",
                n_weaknesses_or_priority_areas=row.get(names["n_weaknesses_or_priority_areas"]),
            ),
            names,
        )
    ]
    revisit = row.date("revisit start date", blank_words=("not revisited yet", "not required"))
    if not revisit:
        return out
    if wsoa != "WSOA required":
        row.problem(
            "revisit start date",
            "a re-visit only follows an inspection that required a written statement "
            "of action, and this row's outcome column does not say Yes",
        )
        return out
    if start and revisit < start:
        row.problem(
            "revisit start date",
            f"the re-visit started on {revisit}, before the inspection it follows "
            f"(started {start}): the dates are out of order",
        )
        return out
    progress = {
        "yes": "sufficient progress on all weaknesses",
        "some": "sufficient progress on some weaknesses",
        "no": "insufficient progress on all weaknesses",
        "": "",
    }.get(row.get(_OFFICIAL_REVISIT).lower())
    if progress is None:
        row.problem(_OFFICIAL_REVISIT, f"'{row.get(_OFFICIAL_REVISIT)}' should be Yes, Some or No")
        return out
    revisit_published = row.date("revisit publication date")
    if revisit_published is None:
        return out
    made = "number significant weaknesses where sufficient progress has been made"
    not_made = "number significant weaknesses where sufficient progress has not been made"
    out.append(
        (
            row.native(
                area,
                framework="2016",
                event_type="revisit",
                start_date=revisit,
                publication_date=revisit_published,
                outcome=progress,
                source="ofsted_official_statistics",
                n_weaknesses_or_priority_areas=row.get(names["n_weaknesses_or_priority_areas"]),
                revisit_n_sufficient=row.get(made),
                revisit_n_insufficient=row.get(not_made),
            ),
            {
                "start_date": "revisit start date",
                "publication_date": "revisit publication date",
                "outcome": _OFFICIAL_REVISIT,
                "revisit_n_sufficient": made,
                "revisit_n_insufficient": not_made,
            },
        )
    )
    return out


def _management_information(
    row: _Row, areas: _Areas
) -> list[tuple[dict[str, str], dict[str, str]]]:
    name = row.get("local area partnership")
    area = areas.find(name=name)
    if area is None:
        row.problem("local area partnership", f"'{name}' is not the name of a known local area")
        return []
    start, published = row.date("inspection start date"), row.date("inspection publication date")
    if start is None or published is None:
        return []
    priority = row.get("number of areas for priority action")
    return [
        (
            row.native(
                area,
                framework="2023",
                event_type="full inspection",
                start_date=start,
                publication_date=published,
                outcome=row.get("inspection outcome"),
                source="ofsted_mi",
                n_weaknesses_or_priority_areas=""
                if priority.upper() in ("NA", "N/A")
                else priority,
            ),
            {
                "new_la_code": "local area partnership",
                "start_date": "inspection start date",
                "publication_date": "inspection publication date",
                "outcome": "inspection outcome",
                "n_weaknesses_or_priority_areas": "number of areas for priority action",
            },
        )
    ]


_GRADES = {"1": "POSITIVE", "2": "INCONSISTENT", "3": "SYSTEMIC"}
_GRADE_PHRASES = {
    "positive experiences": "POSITIVE",
    "inconsistent experiences": "INCONSISTENT",
    "significant concerns": "SYSTEMIC",
}


def _d2i(row: _Row, areas: _Areas) -> list[tuple[dict[str, str], dict[str, str]]]:
    area = areas.find(
        code=row.get("ltla23cd"), old=row.get("la code"), name=row.get("local authority")
    )
    if area is None:
        key = "la code" if row.get("la code") else "local authority"
        row.problem(
            key,
            f"'{row.get(key)}' does not name a known local area (La Code is the three-digit local "
            "authority number, e.g. 861 for Stoke-on-Trent)",
        )
        return []
    start, end = row.date("inspection start date"), row.date("inspection end date")
    published = row.date("publication date")
    if start is None or end is None or published is None:
        return []
    if start and end and end < start:
        row.problem(
            "inspection end date",
            f"the inspection ends on {end}, before it starts on {start}: the dates "
            "are out of order",
        )
        return []
    grade = row.get("outcome grade").removesuffix(".0")
    outcome = _GRADES.get(grade)
    if grade and outcome is None:
        row.problem(
            "outcome grade",
            f"'{grade}' is not an outcome of the 2023 framework: use 1 (positive), "
            "2 (inconsistent) or 3 (widespread and/or systemic failings)",
        )
        return []
    if outcome is None:
        text = row.get("inspection outcome text").lower()
        outcome = next((code for phrase, code in _GRADE_PHRASES.items() if phrase in text), "")
    return [
        (
            row.native(
                area,
                framework="2023",
                event_type="full inspection",
                start_date=start,
                publication_date=published,
                outcome=outcome.lower(),
                source="d2i_scrape",
            ),
            {
                "new_la_code": "la code",
                "start_date": "inspection start date",
                "publication_date": "publication date",
                "outcome": "outcome grade",
            },
        )
    ]


_CONVERTERS: dict[str, Callable[[_Row, _Areas], list[tuple[dict[str, str], dict[str, str]]]]] = {
    "ofsted_statistics": _official,
    "ofsted_mi": _management_information,
    "d2i_scrape": _d2i,
}


def parse_inspection_file(data: bytes, areas: list[Area]) -> ParseResult:
    """Detect the layout of an uploaded file from its header row and check every row (only these bytes are read)."""
    try:
        rows = read_rows(data)
    except SpreadsheetTooLarge:
        return ParseResult(
            [],
            [
                RowError(
                    1,
                    "file",
                    "this spreadsheet would be far larger than a list of "
                    "inspections once opened, so it was not read",
                )
            ],
        )
    except Exception:  # noqa: BLE001 - any unreadable spreadsheet is the same plain problem for the officer
        rows = []
    found = _find_header(rows)
    if found is None:
        accepted = "; ".join(LAYOUTS.values())
        return ParseResult(
            [],
            [
                RowError(
                    1,
                    "header row",
                    "the header row does not match any layout we accept. "
                    f"Accepted layouts: {accepted}",
                )
            ],
        )
    layout, index = found
    header = rows[index][1]
    data_rows = [(n, cells) for n, cells in rows[index + 1 :] if any(c.strip() for c in cells)]
    errors: list[RowError] = []
    native: list[Native] = []
    index_ = _Areas(areas)
    for n, cells in data_rows:
        row = _Row(n, header, cells, errors)
        if layout == "sendready":
            native.append((n, {c: row.get(c.replace("_", " ")) for c in COLUMNS}, {}))
            continue
        for values, names in _CONVERTERS[layout](row, index_):
            native.append(
                (n, values, {ours: row.heading.get(key, key) for ours, key in names.items()})
            )
    result = check_rows(native, areas, errors)
    return ParseResult(result.events, result.errors, layout)
