"""The SEN2 return as DfE's XML (the COLLECT upload format) read into the same module tables as Blade.

DfE's technical specification nests the modules: Header (CollectionDetails, Source) then, per Person,
Requests, each with its Assessment (NamedPlan, PlanDetail) and ActivePlans (PlacementDetail, SENneed).
Item elements carry the names Blade lower-cases for its headings (PersonBirthDate is personbirthdate), so
one column list serves both. Table IDs, which the XML does not have, are made from each element's order;
a problem's row is the line of the file where the element starts. Documents with a DTD are refused, so no
entity can be expanded.
"""

from __future__ import annotations

import io
import xml.sax
from collections.abc import Callable
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import Locator

import polars as pl

from sendready.domain.sen2.problems import ROW_COLUMN, Sen2Problem, Sen2ReadError
from sendready.domain.sen2.reading import BladeExport, ModuleTable, Source, _bytes
from sendready.domain.sen2.spec import load_spec

TAGS = {
    "header": "sen2",
    "person": "person",
    "requests": "requests",
    "assessment": "assessment",
    "namedplan": "named_plan",
    "plandetail": "plan_detail",
    "activeplans": "active_plans",
    "placementdetail": "placement_detail",
    "senneed": "sen_need",
}
# Item elements as DfE's specification spells them (Blade's headings are these in lower case).
ITEM_ELEMENTS = {
    name.lower(): name
    for name in [
        "Collection",
        "Year",
        "ReferenceDate",
        "SourceLevel",
        "LEA",
        "SoftwareCode",
        "Release",
        "SerialNo",
        "DateTime",
        "Surname",
        "Forename",
        "PersonBirthDate",
        "GenderCurrent",
        "Sex",
        "Ethnicity",
        "PostCode",
        "UPN",
        "UniqueLearnerNumber",
        "UPNunknown",
        "ReceivedDate",
        "RYA",
        "RequestOutcomeDate",
        "RequestOutcome",
        "RequestMediation",
        "RequestTribunal",
        "Exported",
        "AssessmentOutcome",
        "AssessmentOutcomeDate",
        "AssessmentMediation",
        "AssessmentTribunal",
        "OtherMediation",
        "OtherTribunal",
        "Week20",
        "StartDate",
        "PlanRes",
        "PlanWBP",
        "PB",
        "OA",
        "DP",
        "CeaseDate",
        "CeaseReason",
        "URN",
        "UKPRN",
        "SENsetting",
        "SENsettingOther",
        "PlacementRank",
        "SENUnitIndicator",
        "ResourcedProvisionIndicator",
        "TransferLA",
        "RES",
        "WBP",
        "ReviewMeeting",
        "ReviewOutcome",
        "LastReview",
        "EntryDate",
        "LeavingDate",
        "AttendancePattern",
        "SENtype",
        "SENtypeRank",
    ]
}


class _Handler(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, list[dict[str, object]]] = {k: [] for k in load_spec().keys}
        self.open: list[tuple[str, dict[str, object]]] = []
        self.text: list[str] = []
        self.locator: Locator | None = None
        spec = load_spec()
        self.key_heading = {m.key: m.key_column.source.lower() for m in spec.modules}
        self.parent = {m.key: m.parent for m in spec.modules}

    def setDocumentLocator(self, locator: Locator) -> None:  # noqa: N802 (SAX's name)
        self.locator = locator

    def startElement(self, name: str, attrs: object) -> None:  # noqa: N802
        self.text = []
        module = TAGS.get(name.lower())
        if module is None:
            return
        rows = self.rows[module]
        record: dict[str, object] = {
            self.key_heading[module]: f"{module}-{len(rows) + 1}",
            ROW_COLUMN: self.locator.getLineNumber() if self.locator else None,
        }
        parent = self.parent[module]
        if parent is not None:
            owner = next((r for m, r in reversed(self.open) if m == parent), None)
            if owner is None and parent == "sen2" and self.rows["sen2"]:
                owner = self.rows["sen2"][0]
            record[self.key_heading[parent]] = owner[self.key_heading[parent]] if owner else None
        rows.append(record)
        self.open.append((module, record))

    def characters(self, content: str) -> None:
        self.text.append(content)

    def endElement(self, name: str) -> None:  # noqa: N802
        lname = name.lower()
        if lname in TAGS:
            self.open.pop()
        elif self.open:
            record = self.open[-1][1]
            record.setdefault(lname, "".join(self.text).strip())
        self.text = []


def read_xml(name: str, source: Source, *, max_bytes: int) -> BladeExport:
    """Read the XML return; raises Sen2ReadError when it is not well-formed XML."""
    data = _bytes(name, source)
    if len(data) > max_bytes:
        raise Sen2ReadError(
            Sen2Problem(name, None, None, "The file is larger than the upload limit.")
        )
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise Sen2ReadError(
            Sen2Problem(
                name,
                None,
                None,
                "The XML file declares a DTD or entities, which SEN2 files never do.",
            )
        )
    handler = _Handler()
    try:
        xml.sax.parse(io.BytesIO(data), handler)
    except xml.sax.SAXParseException as exc:
        raise Sen2ReadError(
            Sen2Problem(
                name, exc.getLineNumber(), None, f"The XML is not well formed: {exc.getMessage()}."
            )
        ) from exc
    export = BladeExport()
    for module in load_spec().modules:
        headings = module.by_heading()
        records = handler.rows[module.key]
        columns: dict[str, list[object]] = {c.name: [] for c in module.columns}
        columns[ROW_COLUMN] = []
        for record in records:
            for heading, column in headings.items():
                value = record.get(heading)
                columns[column.name].append(None if value in (None, "") else str(value))
            columns[ROW_COLUMN].append(record[ROW_COLUMN])
        frame = pl.DataFrame(
            columns, schema={**{c.name: pl.String for c in module.columns}, ROW_COLUMN: pl.Int64}
        )
        if module.key == "sen2" and frame.height == 0:
            export.errors.append(
                Sen2Problem(
                    name, None, "Header", "The XML has no Header with the return's details."
                )
            )
        export.tables[module.key] = ModuleTable(module=module, file_name=name, frame=frame)
    return export


def write_xml(tables: dict[str, pl.DataFrame]) -> bytes:
    """Blade module tables (as the generator makes them) written as the XML return, for tests and demos."""
    from xml.sax.saxutils import escape

    spec = load_spec()
    children: dict[str, dict[str, list[dict[str, str]]]] = {}
    for module in spec.modules:
        if module.parent is None:
            continue
        link = module.parent_column
        assert link is not None
        grouped: dict[str, list[dict[str, str]]] = {}
        for row in tables[module.key].iter_rows(named=True):
            grouped.setdefault(row[link.source] or "", []).append(row)
        children[module.key] = grouped
    order = {
        "person": ["requests"],
        "requests": ["assessment", "active_plans"],
        "assessment": ["named_plan"],
        "named_plan": ["plan_detail"],
        "active_plans": ["placement_detail", "sen_need"],
    }

    def element(key: str, row: dict[str, str]) -> str:
        module = spec[key]
        leaves = "".join(
            _leaf(c.source, row.get(c.source) or "", escape)
            for c in module.columns
            if c.role not in ("key", "parent", "drop") and row.get(c.source)
        )
        own = row[module.key_column.source]
        nested = "".join(
            element(child, r) for child in order.get(key, []) for r in children[child].get(own, [])
        )
        tag = {
            "named_plan": "NamedPlan",
            "plan_detail": "PlanDetail",
            "active_plans": "ActivePlans",
            "placement_detail": "PlacementDetail",
            "sen_need": "SENneed",
        }.get(key, key.capitalize())
        return f"<{tag}>{leaves}{nested}</{tag}>\n"

    header_row = tables["sen2"].row(0, named=True)
    header = "".join(
        _leaf(c.source, header_row.get(c.source) or "", escape)
        for c in spec["sen2"].columns
        if c.role == "data" and header_row.get(c.source)
    )
    persons = "".join(element("person", r) for r in tables["person"].iter_rows(named=True))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<Message><Header>{header}</Header>\n<Persons>\n{persons}</Persons></Message>\n'.encode()


def _leaf(heading: str, value: str, escape: Callable[[str], str]) -> str:
    tag = ITEM_ELEMENTS.get(heading.lower(), heading)
    return f"<{tag}>{escape(_iso(value))}</{tag}>"


def _iso(value: str) -> str:
    """Blade's `2022-Sep-28 00:00:00` as the XML's `2022-09-28`; other values unchanged."""
    from datetime import datetime

    try:
        return datetime.strptime(value, "%Y-%b-%d %H:%M:%S").date().isoformat()
    except ValueError:
        return value
