"""The case file audit framework an area uses: the shipped one with the area's own changes (a read)."""

from sendready.areas.models import LocalArea
from sendready.cases.models import AreaAuditFramework
from sendready.domain.cases.audit_framework import AuditFramework, load_audit_framework


def framework_for(area: LocalArea) -> AuditFramework:
    """The shipped framework with the area's changes, if it made any."""
    own = AreaAuditFramework.objects.filter(area=area).first()
    return load_audit_framework().adapted(own.changes if own else {})
