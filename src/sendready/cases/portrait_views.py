"""The case's pen portrait and chronology: written by the team around the case or the LANO."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.cases import portrait_actions
from sendready.cases.access import get_case_for_user
from sendready.cases.views import page
from sendready.cases.workspace_forms import ChronologyForm, PenPortraitForm
from sendready.govuk_forms import add_validation_error


@area_view("view_cases")
def portrait_edit(request: HttpRequest, area: LocalArea, case_id: int) -> HttpResponse:
    """The pen portrait, and the chronology with a form to add a dated event."""
    case = get_case_for_user(request, area, case_id, what="pen portrait and chronology")
    doing = request.POST.get("do")
    portrait = PenPortraitForm(
        request.POST if doing == "portrait" else None, initial={"pen_portrait": case.pen_portrait}
    )
    event = ChronologyForm(request.POST if doing == "event" else None)
    if doing == "portrait" and portrait.is_valid():
        portrait_actions.save_pen_portrait(
            actor=request.user,
            case=case,
            text=portrait.cleaned_data["pen_portrait"],
            request=request,
        )
        messages.success(request, "Pen portrait saved.")
        return redirect("cases:portrait", area.code, case.pk)
    if doing == "event" and event.is_valid():
        try:
            portrait_actions.add_chronology_entry(
                actor=request.user, case=case, **event.cleaned_data, request=request
            )
        except ValidationError as exc:
            add_validation_error(event, exc)
        else:
            messages.success(request, "Event added to the chronology.")
            return redirect("cases:portrait", area.code, case.pk)
    if doing == "remove":
        entry = case.chronology.filter(pk=int(request.POST.get("entry") or 0)).first()
        if entry is None:
            raise Http404("No such event in this case's chronology.")
        portrait_actions.remove_chronology_entry(actor=request.user, entry=entry, request=request)
        messages.success(request, "Event removed from the chronology.")
        return redirect("cases:portrait", area.code, case.pk)
    return render(
        request,
        "cases/portrait.html",
        page(
            request,
            area,
            f"Pen portrait and chronology: case {case.person_id}",
            case=case,
            portrait_form=portrait,
            event_form=event,
            form=event if doing == "event" else portrait,
            chronology=case.chronology.all(),
        ),
    )
