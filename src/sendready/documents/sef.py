"""The self-evaluation (SEF) as a Word document and a tagged PDF: headings and tables a screen reader walks."""

from __future__ import annotations

from html import escape

from sendready.documents._docx_parts import add_table, new_document, to_bytes
from sendready.documents.docx import _xml_safe
from sendready.documents.sef_data import CriterionSection, SefData
from sendready.domain.dates.workdays import long_date

EVIDENCE_HEADERS = ("Evidence", "Type", "Date", "Co-produced", "Where to find it")


def _evidence_rows(section: CriterionSection) -> list[tuple[str, ...]]:
    return [
        (
            e.title + (f": {e.summary}" if e.summary else ""),
            e.kind,
            long_date(e.date),
            "Yes" if e.co_produced else "No",
            e.where,
        )
        for e in section.evidence
    ]


def sef_docx(data: SefData) -> bytes:
    """The SEF as a Word document: a heading per group and criterion, evidence tables per criterion."""
    data = _xml_safe(data)
    document = new_document(f"{data.area_name}: self-evaluation")
    document.add_heading(f"{data.area_name}: self-evaluation", level=0)
    document.add_paragraph(
        f"Against {data.criteria_title} (criteria version {data.criteria_version}). "
        f"Prepared {long_date(data.prepared_on)}."
    )
    if data.reading:
        document.add_heading("The area's own reading of its outcome", level=1)
        document.add_paragraph(f"{data.reading.title}. {data.reading.reason}")
        document.add_paragraph(data.reading.label)
        if data.reading.follow_ups:
            add_table(
                document,
                (
                    "What would follow",
                    f"When, from a report on {long_date(data.reading.report_date)}",
                ),
                [(title, long_date(day)) for title, day in data.reading.follow_ups],
            )
    if data.gaps:
        document.add_heading("Gaps in the evidence", level=1)
        add_table(document, ("Criterion", "Gap"), list(data.gaps))
    for group in data.groups:
        document.add_heading(group.title, level=1)
        for c in group.criteria:
            document.add_heading(f"{c.number}. {c.text}", level=2)
            if c.wording_note:
                document.add_paragraph(c.wording_note)
            add_table(
                document,
                ("Item", "The area's answer"),
                [("System lead", c.lead), ("Position", c.position), ("Rationale", c.rationale)],
            )
            for question, answer in c.answers:
                document.add_heading(question, level=3)
                for paragraph in (answer or "Not written yet.").splitlines() or [""]:
                    document.add_paragraph(paragraph)
            document.add_heading("Evidence", level=3)
            if c.evidence:
                add_table(document, EVIDENCE_HEADERS, _evidence_rows(c))
            else:
                document.add_paragraph("No evidence recorded for this criterion.")
    if data.sources_note:
        document.add_heading("About the criteria", level=1)
        document.add_paragraph(data.sources_note)
    return to_bytes(document)


def _table(caption: str, headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            (f'<th scope="row">{escape(v)}</th>' if i == 0 else f"<td>{escape(v)}</td>")
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _paragraphs(text: str) -> str:
    lines = [line for line in (text or "Not written yet.").splitlines() if line.strip()]
    return "".join(f"<p>{escape(line)}</p>" for line in lines) or "<p>Not written yet.</p>"


CSS = """
@page { size: A4; margin: 2cm; }
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 20pt; } h2 { font-size: 16pt; margin-top: 1.2em; } h3 { font-size: 13pt; }
h4 { font-size: 11pt; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
th, td { border: 1px solid #0b0c0c; padding: 4px; text-align: left; vertical-align: top; }
caption { text-align: left; font-weight: bold; margin-bottom: 0.3em; }
"""


def sef_html(data: SefData) -> str:
    """The SEF as semantic HTML, from which the tagged PDF is made."""
    parts = [
        f"<h1>{escape(data.area_name)}: self-evaluation</h1>",
        f"<p>Against {escape(data.criteria_title)} (criteria version {escape(data.criteria_version)}). "
        f"Prepared {escape(long_date(data.prepared_on))}.</p>",
    ]
    if data.reading:
        r = data.reading
        parts += [
            "<h2>The area's own reading of its outcome</h2>",
            f"<p>{escape(r.title)}. {escape(r.reason)}</p><p><strong>{escape(r.label)}</strong></p>",
        ]
        if r.follow_ups:
            parts.append(
                _table(
                    f"What would follow a report on {long_date(r.report_date)}",
                    ("What would follow", "When"),
                    [(t, long_date(d)) for t, d in r.follow_ups],
                )
            )
    if data.gaps:
        parts += [
            "<h2>Gaps in the evidence</h2>",
            _table("Gaps", ("Criterion", "Gap"), list(data.gaps)),
        ]
    for group in data.groups:
        parts.append(f"<h2>{escape(group.title)}</h2>")
        for c in group.criteria:
            parts.append(f"<h3>{escape(c.number)}. {escape(c.text)}</h3>")
            if c.wording_note:
                parts.append(f"<p>{escape(c.wording_note)}</p>")
            parts.append(
                _table(
                    f"Criterion {c.number}: the area's answer",
                    ("Item", "The area's answer"),
                    [("System lead", c.lead), ("Position", c.position), ("Rationale", c.rationale)],
                )
            )
            for question, answer in c.answers:
                parts.append(f"<h4>{escape(question)}</h4>{_paragraphs(answer)}")
            if c.evidence:
                parts.append(
                    _table(
                        f"Evidence for criterion {c.number}", EVIDENCE_HEADERS, _evidence_rows(c)
                    )
                )
            else:
                parts.append("<p>No evidence recorded for this criterion.</p>")
    if data.sources_note:
        parts += ["<h2>About the criteria</h2>", f"<p>{escape(data.sources_note)}</p>"]
    title = escape(f"{data.area_name}: self-evaluation")
    return (
        f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{CSS}</style></head><body>{''.join(parts)}</body></html>"
    )


def sef_pdf(data: SefData) -> bytes:
    """The SEF as a tagged PDF (PDF/UA-1), so screen readers find its headings and tables."""
    from weasyprint import HTML  # imported here: loading Pango costs time the Word path never needs

    html = sef_html(_xml_safe(data))
    return bytes(HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True))
