"""A tracked case's pack as plain values, and as one zip with an index page (index.html) and every
document under its item. The same pack is rendered as one tagged PDF by case_pack_pdf."""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO


@dataclass(frozen=True)
class PackDocument:
    item: str
    file_name: str
    uploaded: str
    open: Callable[[], IO[bytes]]


@dataclass(frozen=True)
class PackAudit:
    """One auditor's submitted audit, or the agreed grades: a heading and a row per section."""

    heading: str
    overall: str
    rows: list[tuple[str, str, str, str]]  # section, grade, strengths, areas to develop


@dataclass
class CasePack:
    """Everything about a case, as plain words and the documents to include."""

    title: str
    summary: list[tuple[str, str]]
    sections: list[tuple[str, list[list[str]], list[str]]] = field(default_factory=list)
    documents: list[PackDocument] = field(default_factory=list)
    pen_portrait: str = ""
    chronology: list[tuple[str, str, str]] = field(default_factory=list)  # date, agency, event
    audits: list[PackAudit] = field(default_factory=list)


def _safe(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._ -]+", "_", name).strip(" .") or "document"
    return cleaned[:120]


def document_paths(pack: CasePack) -> list[str]:
    """The name of each document inside the zip: documents/<nn item>/<nn file name>."""
    items = list(dict.fromkeys(d.item for d in pack.documents))
    paths = []
    for i, doc in enumerate(pack.documents, start=1):
        folder = f"{items.index(doc.item) + 1:02d} {_safe(doc.item)}"
        paths.append(f"documents/{folder}/{i:02d} {_safe(doc.file_name)}")
    return paths


def _table(head: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def index_html(pack: CasePack) -> str:
    """The index page: the case summary, each section's table and the list of documents."""
    e = html.escape
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{e(pack.title)}</title></head><body>",
        f"<h1>{e(pack.title)}</h1><dl>",
        "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in pack.summary),
        "</dl>",
    ]
    for heading, rows, head in pack.sections:
        parts.append(f"<h2>{e(heading)}</h2>")
        parts.append(_table(head, rows) if rows else "<p>None.</p>")
    parts.append("<h2>Documents</h2>")
    listed = [
        [d.item, f"<a href='{e(p)}'>{e(d.file_name)}</a>", e(d.uploaded)]
        for d, p in zip(pack.documents, document_paths(pack))
    ]
    if listed:
        rows_html = "".join(
            f"<tr><td>{e(a)}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in listed
        )
        parts.append(
            "<table><thead><tr><th>Item</th><th>Document</th><th>Uploaded</th></tr></thead>"
            f"<tbody>{rows_html}</tbody></table>"
        )
    else:
        parts.append("<p>No documents uploaded yet.</p>")
    parts.append("</body></html>")
    return "".join(parts)


def write_case_pack(pack: CasePack, out: IO[bytes]) -> None:
    """Write the zip: index.html first, then each document."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", index_html(pack))
        for doc, path in zip(pack.documents, document_paths(pack)):
            with doc.open() as source, archive.open(path, "w") as target:
                while chunk := source.read(1024 * 1024):
                    target.write(chunk)
