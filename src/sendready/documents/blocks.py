"""A document for readers as plain blocks (headings, paragraphs, links, lists, tables), so the web page,
the Word file and the tagged PDF say the same words: each renders these blocks and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from itertools import groupby
from typing import TYPE_CHECKING, ClassVar

from sendready.domain.dates.workdays import clock, long_date

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sendready.documents.briefing_data import TimetableEntry

TIMETABLE_HEADERS = ("Session", "Time", "Meeting or activity", "Focus", "Who attends", "Where")


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is a section under the document's title."""

    text: str
    level: int = 1
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True)
class Para:
    """A paragraph of running text."""

    text: str
    kind: ClassVar[str] = "para"


@dataclass(frozen=True)
class Link:
    """A paragraph that is a link; its text says where it goes (never the bare address)."""

    text: str
    url: str
    kind: ClassVar[str] = "link"


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: tuple[str, ...]
    kind: ClassVar[str] = "bullets"


@dataclass(frozen=True)
class Table:
    """A table whose first row is its header row; the caption is its alternative title in Word."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kind: ClassVar[str] = "table"


Block = Heading | Para | Link | Bullets | Table


@dataclass(frozen=True)
class Written:
    """A whole document for readers: its title (also the file's title property) and its blocks.

    `easy_read` lays it out as easy read: larger text, one idea a line, space beside each for a picture."""

    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    easy_read: bool = False


def timetable_blocks(sessions: Iterable[TimetableEntry], level: int = 1) -> list[Heading | Table]:
    """One heading and one table per day that has sessions (a day without any is left out), in time order."""
    ordered = sorted(sessions, key=lambda s: (s.day, s.start))
    blocks: list[Heading | Table] = []
    for day, group in groupby(ordered, key=lambda s: s.day):
        blocks.append(Heading(long_date(day), level))
        rows = tuple(
            (
                s.half,
                clock(s.start) + (f" to {clock(s.end)}" if s.end else ""),
                s.title,
                s.focus,
                s.attendees,
                s.where,
            )
            for s in group
        )
        blocks.append(Table(f"Sessions on {long_date(day)}", TIMETABLE_HEADERS, rows))
    return blocks


def plain_text(written: Written) -> str:
    """Every word a reader reads, a line per heading, paragraph, list item or table row."""
    lines = [written.title]
    for block in written.blocks:
        if isinstance(block, (Heading, Para, Link)):
            lines.append(block.text)
        elif isinstance(block, Bullets):
            lines += block.items
        else:
            lines += [" ".join(row) for row in (block.headers, *block.rows)]
    return "\n".join(lines)


def body_html(written: Written) -> str:
    """The blocks as semantic HTML (h1 for the title), for the tagged PDF."""
    e = escape
    parts = [f"<h1>{e(written.title)}</h1>"]
    for block in written.blocks:
        if isinstance(block, Heading):
            level = min(block.level + 1, 6)
            parts.append(f"<h{level}>{e(block.text)}</h{level}>")
        elif isinstance(block, Para):
            parts.append(f"<p>{e(block.text)}</p>")
        elif isinstance(block, Link):
            parts.append(f'<p><a href="{e(block.url)}">{e(block.text)}</a></p>')
        elif isinstance(block, Bullets):
            parts.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in block.items) + "</ul>")
        else:
            head = "".join(f'<th scope="col">{e(h)}</th>' for h in block.headers)
            body = "".join(
                "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in block.rows
            )
            parts.append(
                # The heading before each table names it on the page; the caption is the Word
                # table's alternative title (w:tblCaption), so no words appear here that Word lacks.
                f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            )
    return "".join(parts)


CSS = """
@page { size: A4; margin: 2cm; }
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: 12pt; line-height: 1.5; }
h1 { font-size: 22pt; } h2 { font-size: 17pt; margin-top: 1.2em; } h3 { font-size: 14pt; }
a { color: #1d70b8; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 10pt; }
th, td { border: 1px solid #0b0c0c; padding: 4px; text-align: left; vertical-align: top; }
body.easy-read { font-size: 16pt; line-height: 1.8; }
body.easy-read p, body.easy-read li { margin: 0 0 1.2em; padding-left: 5cm; min-height: 2.5cm; }
"""


def html_document(written: Written) -> str:
    """A whole HTML document in British English, from which the tagged PDF is made."""
    css_class = ' class="easy-read"' if written.easy_read else ""
    return (
        f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{escape(written.title)}</title><style>{CSS}</style></head>"
        f"<body{css_class}>{body_html(written)}</body></html>"
    )


def written_pdf(written: Written) -> bytes:
    """The document as a tagged PDF (PDF/UA-1), as the self-evaluation is made."""
    from weasyprint import HTML  # imported here: loading Pango costs time the Word path never needs

    return bytes(
        HTML(string=html_document(written)).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    )
