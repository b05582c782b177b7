"""Read a Word file back the way Word's accessibility checker and a screen reader would, and list what
falls short: no title, a language other than British English, headings out of order or empty, a table
without a repeating header row, link text that is a bare address."""

import io
import re
import zipfile

from docx import Document
from docx.oxml.ns import qn

_LEVEL = re.compile(r"^Heading (\d)$")


def heading_levels(document) -> list[tuple[int, str]]:
    """(level, text) of every heading, the Title style counting as level 0."""
    found = []
    for paragraph in document.paragraphs:
        name = paragraph.style.name
        if name == "Title":
            found.append((0, paragraph.text))
        elif match := _LEVEL.match(name):
            found.append((int(match.group(1)), paragraph.text))
    return found


def languages(data: bytes) -> set[str]:
    """Every w:lang value in the document, its styles and its settings."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = "".join(
            archive.read(name).decode()
            for name in ("word/document.xml", "word/styles.xml", "word/settings.xml")
        )
    return set(re.findall(r'<w:(?:lang|themeFontLang)\b[^>]*\bw:val="([^"]+)"', xml))


def accessibility_problems(data: bytes) -> list[str]:
    """What a reader's tools would miss in this Word file (empty when it passes)."""
    document = Document(io.BytesIO(data))
    problems = []
    if not (document.core_properties.title or "").strip():
        problems.append("no title in the document's properties")
    if languages(data) != {"en-GB"}:
        problems.append(f"languages declared: {sorted(languages(data))}")
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None or defaults.find(".//" + qn("w:lang")) is None:
        problems.append("no language on the document defaults")
    previous = -1
    for level, text in heading_levels(document):
        if not text.strip():
            problems.append(f"an empty heading at level {level}")
        if level > previous + 1:
            problems.append(f"heading {text!r} jumps from level {previous} to {level}")
        previous = level
    for number, table in enumerate(document.tables, start=1):
        props = table.rows[0]._tr.trPr
        header = props.find(qn("w:tblHeader")) if props is not None else None
        if header is None or header.get(qn("w:val")) in ("false", "0"):
            problems.append(f"table {number} has no repeating header row")
    for paragraph in document.paragraphs:
        for link in paragraph.hyperlinks:
            if not link.text.strip() or link.text.strip().startswith(("http", "www.")):
                problems.append(f"link text {link.text!r} does not say where it goes")
    return problems


def all_text(data: bytes) -> str:
    """Every paragraph and table cell, a line each."""
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(parts)
