"""A tracked case's pack as one tagged PDF (PDF/UA-1, made with WeasyPrint): the summary, pen portrait,
chronology, team, evidence, every submitted audit with its section grades, the agreed grades and the
list of documents (the documents themselves travel in the zip)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from sendready.documents.case_pack import CasePack, PackAudit
from sendready.documents.docx import _xml_safe
from sendready.documents.sef import CSS


def _table(caption: str, head: list[str], rows: Sequence[Sequence[str]]) -> str:
    cells = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    body = "".join(
        "<tr>"
        + "".join(
            f'<th scope="row">{escape(v)}</th>' if i == 0 else f"<td>{escape(v)}</td>"
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f"<table><caption>{escape(caption)}</caption><thead><tr>{cells}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _paragraphs(text: str, empty: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return "".join(f"<p>{escape(line)}</p>" for line in lines) or f"<p>{escape(empty)}</p>"


def _audit(audit: PackAudit) -> str:
    return f"<h3>{escape(audit.heading)}</h3><p>Overall: {escape(audit.overall)}.</p>" + _table(
        audit.heading,
        ["Section", "Grade", "Strengths", "Areas to develop"],
        [list(r) for r in audit.rows],
    )


def case_pack_html(pack: CasePack) -> str:
    """The pack as semantic HTML, from which the tagged PDF is made."""
    parts = [
        f"<h1>{escape(pack.title)}</h1>",
        _table("About the case", ["Item", "Details"], [list(r) for r in pack.summary]),
        "<h2>Pen portrait</h2>",
        _paragraphs(pack.pen_portrait, "No pen portrait written yet."),
        "<h2>Chronology</h2>",
    ]
    if pack.chronology:
        parts.append(
            _table("Chronology", ["Date", "Agency", "What happened"], list(pack.chronology))
        )
    else:
        parts.append("<p>No events recorded yet.</p>")
    for heading, rows, head in pack.sections:
        parts.append(f"<h2>{escape(heading)}</h2>")
        parts.append(_table(heading, head, rows) if rows else "<p>None yet.</p>")
    parts.append("<h2>Case file audits in full</h2>")
    parts += [_audit(a) for a in pack.audits] or ["<p>No audit submitted yet.</p>"]
    parts.append("<h2>Documents</h2>")
    if pack.documents:
        rows = [[d.item, d.file_name, d.uploaded] for d in pack.documents]
        parts.append(_table("Documents in the case", ["Item", "Document", "Uploaded"], rows))
    else:
        parts.append("<p>No documents uploaded yet.</p>")
    return (
        f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{escape(pack.title)}</title><style>{CSS}</style></head>"
        f"<body>{''.join(parts)}</body></html>"
    )


def case_pack_pdf(pack: CasePack) -> bytes:
    """The pack as one tagged PDF (PDF/UA-1), so screen readers find its headings and tables."""
    from weasyprint import HTML  # imported here: loading Pango costs time the zip never needs

    html = case_pack_html(_xml_safe(pack))
    return bytes(HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True))
