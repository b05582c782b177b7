"""Small python-docx helpers shared by the document builders: tables, links, bytes."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from itertools import groupby

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from sendready.documents.briefing_data import TimetableEntry
from sendready.domain.dates.workdays import clock, long_date

TIMETABLE_HEADERS = ("Session", "Time", "Meeting or activity", "Focus", "Who attends", "Where")


def new_document() -> DocumentObject:
    """A document in a plain, readable style (Arial 12pt is common council house style)."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(12)
    return document


def to_bytes(document: DocumentObject) -> bytes:
    """Save a document to bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_table(
    document: DocumentObject, headers: Sequence[str], rows: Iterable[Sequence[str]]
) -> None:
    """A table with a bold header row repeated on each page."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    header = table.rows[0]
    for cell, text in zip(header.cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    # Screen readers and page breaks both rely on the header row being marked as one.
    header._tr.get_or_add_trPr().append(_on("w:tblHeader"))
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text


def _on(tag: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    return element


def add_link(paragraph: Paragraph, url: str, text: str | None = None) -> None:
    """Append a clickable hyperlink to a paragraph."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "1D70B8")
    props.extend([style, colour, underline])
    text_el = OxmlElement("w:t")
    text_el.text = text or url
    run.extend([props, text_el])
    link.append(run)
    paragraph._p.append(link)


def labelled_link(document: DocumentObject, label: str, url: str) -> None:
    """A paragraph "Label: <link>"."""
    paragraph = document.add_paragraph(f"{label}: ")
    add_link(paragraph, url)


def add_timetable(
    document: DocumentObject, sessions: Iterable[TimetableEntry], level: int = 2
) -> None:
    """One heading and one table per day, sessions in time order."""
    ordered = sorted(sessions, key=lambda s: (s.day, s.start))
    for day, group in groupby(ordered, key=lambda s: s.day):
        document.add_heading(long_date(day), level=level)
        add_table(
            document,
            TIMETABLE_HEADERS,
            [
                (
                    s.half,
                    clock(s.start) + (f" to {clock(s.end)}" if s.end else ""),
                    s.title,
                    s.focus,
                    s.attendees,
                    s.where,
                )
                for s in group
            ],
        )
