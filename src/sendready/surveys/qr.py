"""The QR code of a survey's link, as SVG (for print) and PNG (for documents and social media)."""

import io

import segno


def qr_svg(link: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(link, error="m").save(
        buffer, kind="svg", scale=8, border=4, title="QR code for the survey link"
    )
    return buffer.getvalue()


def qr_png(link: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=10, border=4)
    return buffer.getvalue()


def qr_data_uri(link: str) -> str:
    """An SVG data URI to show on the page (the content security policy allows data: images)."""
    return segno.make(link, error="m").svg_data_uri(scale=6, border=4)
