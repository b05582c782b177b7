"""Getting inspection records for a person: always inside the area they were checked for."""

from django.shortcuts import get_object_or_404

from sendready.areas.models import LocalArea
from sendready.inspections.models import Inspection, Task, TimetableSession


def get_inspection(area: LocalArea, pk: int) -> Inspection:
    """The inspection, if it belongs to the (already checked) area."""
    return get_object_or_404(Inspection.objects.for_area(area).select_related("area"), pk=pk)


def get_task(area: LocalArea, pk: int, task_id: int) -> Task:
    """A task of an inspection in the area."""
    return get_object_or_404(
        Task.objects.select_related("inspection", "owner"),
        inspection__area=area,
        inspection__pk=pk,
        pk=task_id,
    )


def get_session(area: LocalArea, pk: int, session_id: int) -> TimetableSession:
    """A timetable session of an inspection in the area."""
    return get_object_or_404(
        TimetableSession.objects.select_related("inspection"),
        inspection__area=area,
        inspection__pk=pk,
        pk=session_id,
    )
