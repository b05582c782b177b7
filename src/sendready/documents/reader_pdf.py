"""The key message to families and the stakeholder briefing as tagged PDFs (PDF/UA-1) for the Local
Offer website: the same blocks, so the same words, as the Word documents and the web page."""

from __future__ import annotations

from sendready.documents.blocks import written_pdf
from sendready.documents.briefing_data import BriefingData
from sendready.documents.docx import _xml_safe
from sendready.documents.family_message import easy_read, key_message
from sendready.documents.partner_briefing import stakeholder_briefing_written


def stakeholder_briefing_pdf(data: BriefingData) -> bytes:
    """The stakeholder briefing as a tagged PDF."""
    return written_pdf(stakeholder_briefing_written(_xml_safe(data)))


def key_message_pdf(data: BriefingData) -> bytes:
    """The key message to families as a tagged PDF."""
    return written_pdf(key_message(_xml_safe(data)))


def easy_read_pdf(data: BriefingData) -> bytes:
    """The easy-read key message as a tagged PDF, with space beside each line for pictures."""
    return written_pdf(easy_read(_xml_safe(data)))
