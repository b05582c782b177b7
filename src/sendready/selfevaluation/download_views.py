"""The SEF as Word and PDF: built from the content, every download in the audit log."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.audit.constants import AuditAction
from sendready.audit.log import record
from sendready.documents.sef import sef_docx as build_docx
from sendready.documents.sef import sef_pdf as build_pdf
from sendready.selfevaluation.access import get_self_evaluation
from sendready.selfevaluation.document import sef_data

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(request: HttpRequest, area: LocalArea, kind: str) -> HttpResponse:
    sef = get_self_evaluation(area)
    data = sef_data(sef, timezone.localdate())
    body, content_type = (
        (build_docx(data), DOCX) if kind == "docx" else (build_pdf(data), "application/pdf")
    )
    record(
        request, AuditAction.EXPORTED, "self_evaluation", sef.pk, area=area, detail=f"SEF {kind}"
    )
    response = HttpResponse(body, content_type=content_type)
    name = f"{area.code}-self-evaluation-{data.prepared_on.isoformat()}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@area_view("view_self_evaluation")
def sef_docx(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """The self-evaluation as a Word document."""
    return _download(request, area, "docx")


@area_view("view_self_evaluation")
def sef_pdf(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """The self-evaluation as a tagged PDF."""
    return _download(request, area, "pdf")
