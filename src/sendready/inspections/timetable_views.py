"""The on-site timetable: sessions by day, morning or afternoon, with who attends and where."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.areas.registry import extra_sessions
from sendready.inspections.access import get_inspection, get_session
from sendready.inspections.forms import SessionForm
from sendready.inspections.hooks import as_active
from sendready.inspections.presenters import group_labels, sessions_by_day, timetable_days
from sendready.inspections.timetable_actions import SessionValues, delete_session, save_session
from sendready.inspections.views import page_context

SESSION_FIELDS = [
    "date",
    "part_of_day",
    "start_time",
    "end_time",
    "title",
    "focus",
    "attendee_groups",
    "place",
    "online_link",
]


@area_view("view_inspection")
def timetable(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """The timetable by day; also the printable view (?print=1)."""
    inspection = get_inspection(area, pk)
    template = (
        "inspections/timetable_print.html"
        if request.GET.get("print")
        else "inspections/timetable.html"
    )
    days = sessions_by_day(inspection.sessions.all())
    # Meetings other capabilities arrange (a tracked case's team meeting inspectors), by day.
    extra = extra_sessions(area, request.user, as_active(inspection))
    return render(
        request,
        template,
        page_context(
            request,
            area,
            "On-site timetable",
            inspection=inspection,
            days=days,
            timetable=timetable_days(days, extra),
            group_labels=group_labels,
        ),
    )


@area_view("manage_timetable")
def session_new(request: HttpRequest, area: LocalArea, pk: int) -> HttpResponse:
    """Add a session to the timetable."""
    inspection = get_inspection(area, pk)
    initial = {"date": inspection.onsite_start or _onsite_start(inspection), "part_of_day": "am"}
    return _session_form(request, area, inspection, None, initial)


@area_view("manage_timetable")
def session_edit(request: HttpRequest, area: LocalArea, pk: int, session_id: int) -> HttpResponse:
    """Change a session."""
    session = get_session(area, pk, session_id)
    initial = {name: getattr(session, name) for name in SESSION_FIELDS}
    return _session_form(request, area, session.inspection, session, initial)


@area_view("manage_timetable")
@require_POST
def session_delete(request: HttpRequest, area: LocalArea, pk: int, session_id: int) -> HttpResponse:
    """Remove a session."""
    session = get_session(area, pk, session_id)
    delete_session(actor=request.user, session=session, request=request)
    messages.success(request, f"Session ‘{session.title}’ removed.")
    return redirect("inspections:timetable", area.code, pk)


def _onsite_start(inspection):
    milestone = inspection.milestones.filter(key="onsite").first()
    return milestone.date if milestone else None


def _session_form(request, area, inspection, session, initial) -> HttpResponse:
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = SessionValues(**{name: form.cleaned_data[name] for name in SESSION_FIELDS})
        saved = save_session(
            actor=request.user,
            inspection=inspection,
            values=values,
            session=session,
            request=request,
        )
        messages.success(request, f"Session ‘{saved.title}’ saved.")
        return redirect("inspections:timetable", area.code, inspection.pk)
    title = "Change a session" if session else "Add a session"
    return render(
        request,
        "inspections/session_form.html",
        page_context(request, area, title, form=form, inspection=inspection, session=session),
    )
