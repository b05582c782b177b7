"""Small python-docx helpers shared by every Word download: an accessible document (title, British
English), tables with a repeating header row, links that say where they go, and the reader blocks."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from sendready.documents.blocks import Bullets, Heading, Link, Para, Table, Written

LANGUAGE = "en-GB"


def new_document(title: str) -> DocumentObject:
    """Every Word download starts here: a plain, readable style (Arial 12pt is common council house
    style), the title in the file's properties (what Word's title bar and screen readers announce) and
    British English on every style, so spelling and speech follow it."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(12)
    document.core_properties.title = title
    document.core_properties.language = LANGUAGE
    _set_language(document)
    return document


def _set_language(document: DocumentObject) -> None:
    """w:lang on the document defaults and on every style, and the theme's language in the settings."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    targets = [s.get_or_add_rPr() for s in styles.findall(qn("w:style"))]
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None
        if rpr is not None:
            targets.append(rpr)
    for rpr in targets:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        for attribute in ("w:val", "w:eastAsia"):
            lang.set(qn(attribute), LANGUAGE)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), LANGUAGE)


def to_bytes(document: DocumentObject) -> bytes:
    """Save a document to bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_table(
    document: DocumentObject,
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    caption: str = "",
) -> None:
    """A table with a bold header row repeated on each page, and its caption as the table's
    alternative title (what Word's accessibility checker asks for)."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    if caption:
        title = OxmlElement("w:tblCaption")
        title.set(qn("w:val"), caption)
        table._tbl.tblPr.append(title)
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


def add_link(paragraph: Paragraph, url: str, text: str) -> None:
    """Append a clickable hyperlink whose text says where it goes (a bare address tells a screen
    reader's list of links nothing)."""
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
    text_el.text = text
    run.extend([props, text_el])
    link.append(run)
    paragraph._p.append(link)


def written_docx(written: Written) -> bytes:
    """A reader document as Word: the title, then each block; easy read in large text with a wide
    left margin on every line for the pictures the area adds."""
    document = new_document(written.title)
    if written.easy_read:
        _easy_read_style(document)
    document.add_heading(written.title, level=0)
    for block in written.blocks:
        if isinstance(block, Heading):
            if block.text.strip():  # an empty heading is noise to a screen reader
                document.add_heading(block.text, level=block.level)
        elif isinstance(block, Para):
            document.add_paragraph(block.text)
        elif isinstance(block, Link):
            add_link(document.add_paragraph(), block.url, block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Table):
            add_table(document, block.headers, block.rows, block.caption)
    return to_bytes(document)


def _easy_read_style(document: DocumentObject) -> None:
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    layout = normal.paragraph_format
    layout.left_indent = Cm(5)
    layout.space_after = Pt(24)
    layout.line_spacing = 1.5
