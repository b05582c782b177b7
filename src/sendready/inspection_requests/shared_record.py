"""The area's answer to "what did we give them?": every released version, who could open it, and
every inspector visit."""

import datetime as dt
from dataclasses import dataclass

from sendready.domain.requests.due import london
from sendready.inspection_requests.models import InspectorAccess, RoomVisit, Version
from sendready.inspection_requests.windows import window_of

SHARED_HEADERS = (
    "Request",
    "Version",
    "Released at (London)",
    "Released by",
    "Files",
    "Link",
    "Shared with",
    "Opened by",
    "Downloads",
    "Release note",
)
VISIT_HEADERS = ("When (London)", "Inspector", "Role", "Request", "Version", "What", "File")


@dataclass
class SharedRow:
    version: Version
    shared_with: list[str]
    opened_by: list[str]
    downloads: int

    def cells(self) -> list[object]:
        v = self.version
        released_by = (
            v.released_by.get_full_name() or v.released_by.get_username() if v.released_by else ""
        )
        return [
            v.request.title,
            v.number,
            london(v.released_at).replace(tzinfo=None) if v.released_at else None,
            released_by,
            "; ".join(f.name for f in v.files.all()),
            v.link,
            "; ".join(self.shared_with),
            "; ".join(self.opened_by),
            self.downloads,
            v.release_note,
        ]


def _could_open(access: InspectorAccess, closes: dt.datetime, released_at: dt.datetime) -> bool:
    """The inspector's access was, or is, open at some time after the release."""
    ended = access.ended_at
    return released_at < closes and (ended is None or released_at < ended)


def shared_rows(inspection) -> list[SharedRow]:
    """One row per released version, oldest release first."""
    accesses = list(InspectorAccess.objects.filter(inspection=inspection))
    for a in accesses:
        a.inspection = inspection  # the inspection already read, not once more per access
    closes = {a.pk: window_of(a).closes_at for a in accesses}
    versions = (
        Version.objects.filter(request__inspection=inspection, released_at__isnull=False)
        .select_related("request", "released_by")
        .prefetch_related("files", "visits__access")
        .order_by("released_at", "pk")
    )
    rows = []
    for v in versions:
        visits = list(v.visits.all())
        opened = sorted({visit.access.name for visit in visits})
        rows.append(
            SharedRow(
                version=v,
                shared_with=[
                    a.name
                    for a in accesses
                    if v.released_at and _could_open(a, closes[a.pk], v.released_at)
                ],
                opened_by=opened,
                downloads=sum(1 for visit in visits if visit.file_id),
            )
        )
    return rows


def visit_rows(inspection) -> list[list[object]]:
    """Every inspector visit, in order."""
    visits = (
        RoomVisit.objects.filter(access__inspection=inspection)
        .select_related("access", "version__request", "file")
        .order_by("at", "pk")
    )
    return [
        [
            london(v.at).replace(tzinfo=None),
            v.access.name,
            v.access.role,
            v.version.request.title,
            v.version.number,
            "Downloaded" if v.file_id else "Viewed",
            v.file.name if v.file else "",
        ]
        for v in visits
    ]
