"""Tasks: each milestone's work, with an owner, a due time and a status."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.areas.registry import extra_tasks
from sendready.inspections import actions
from sendready.inspections.access import get_inspection, get_task
from sendready.inspections.actions import LONDON
from sendready.inspections.forms import TaskForm
from sendready.inspections.hooks import as_active
from sendready.inspections.views import page_context


def _owners(area: LocalArea):
    return (
        get_user_model().objects.filter(memberships__area=area).order_by("first_name", "username")
    )


@area_view("view_inspection")
def task_list(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """Who does what by when."""
    inspection = get_inspection(area, pk)
    tasks = inspection.tasks.select_related("owner", "milestone")
    return render(
        request,
        "inspections/tasks.html",
        page_context(
            request,
            area,
            "Tasks",
            inspection=inspection,
            tasks=tasks,
            now=timezone.now(),
            extra_tasks=extra_tasks(area, request.user, as_active(inspection)),
        ),
    )


@area_view("manage_tasks")
def task_edit(request: HttpRequest, area: LocalArea, pk: int, task_id: int) -> HttpResponse:
    """Give a task an owner, change its status or its due time."""
    task = get_task(area, pk, task_id)
    local_due = task.due_at.astimezone(LONDON)
    initial = {
        "owner": task.owner_id,
        "status": task.status,
        "due_date": local_due.date(),
        "due_time": local_due.time().replace(second=0, microsecond=0),
        "notes": task.notes,
    }
    owners = _owners(area)
    form = TaskForm(request.POST or None, initial=initial, owners=owners)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        owner = owners.filter(pk=data["owner"]).first() if data["owner"] else None
        due_at = dt.datetime.combine(data["due_date"], data["due_time"], tzinfo=LONDON)
        actions.update_task(
            actor=request.user,
            task=task,
            owner=owner,
            status=data["status"],
            due_at=due_at,
            notes=data["notes"],
            request=request,
        )
        messages.success(request, f"Task ‘{task.title}’ saved.")
        return redirect("inspections:tasks", area.code, pk)
    return render(
        request,
        "inspections/task_edit.html",
        page_context(
            request, area, f"Task: {task.title}", form=form, task=task, inspection=task.inspection
        ),
    )
