"""The LANO's board, the page per owner, and the board's live JSON."""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import never_cache

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.domain.requests.due import DUE_WORDS, due_status
from sendready.domain.requests.rules import load_rules
from sendready.inspection_requests.access import active_inspection, get_inspection, inspection_model
from sendready.inspection_requests.models import InspectionRequest
from sendready.inspection_requests.overview import owner_label, summarise
from sendready.inspection_requests.related import related_words
from sendready.inspection_requests.views.common import page_context

FILTERS = {
    "overdue": "Overdue",
    "due_today": "Due today",
    "ready_for_review": "Waiting for review",
    "open": "Still owed",
    "released": "Released",
    "withdrawn": "Withdrawn",
    "all": "All",
}


@area_view("view_requests")
def board_home(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """The board of the inspection under way, or the list of inspections with boards."""
    inspection = active_inspection(area)
    if inspection is not None:
        return redirect("inspection_requests:board", area.code, inspection.pk)
    inspections = inspection_model().objects.filter(area=area).order_by("-notified_on")
    return render(
        request,
        "inspection_requests/no_inspection.html",
        page_context(request, area, "Requests", inspections=inspections),
    )


def _rows(items, now, related: Callable[[object], str]) -> list[dict]:
    states = load_rules().states
    rows = []
    for item in items:
        status = due_status(item.due_at, item.is_open, now)
        rows.append(
            {
                "item": item,
                "due_status": status,
                "due_words": DUE_WORDS[status],
                "state_label": states[item.state].label,
                "state_colour": states[item.state].colour,
                "owner": owner_label(item.owner),
                "related": related(item),
            }
        )
    return rows


def _keep(row: dict, chosen: str) -> bool:
    item = row["item"]
    return {
        "overdue": row["due_status"] == "overdue",
        "due_today": row["due_status"] == "due_today",
        "ready_for_review": item.state == "ready_for_review",
        "open": item.is_open,
        "released": item.state == "released",
        "withdrawn": item.state == "withdrawn",
    }.get(chosen, True)


def board_data(area: LocalArea, inspection, chosen: str, now, user) -> dict:
    """Everything the board shows (the page and its JSON share it)."""
    items = list(
        InspectionRequest.objects.filter(area=area, inspection=inspection).select_related("owner")
    )
    summary = summarise(items, now)
    rows = [r for r in _rows(items, now, related_words(area, user)) if _keep(r, chosen)]
    return {"summary": summary, "rows": rows, "chosen": chosen, "filters": FILTERS, "now": now}


def _chosen(request: HttpRequest) -> str:
    chosen = request.GET.get("show", "open")
    return chosen if chosen in FILTERS else "open"


@area_view("view_requests")
@never_cache
def board(request: HttpRequest, area: LocalArea, inspection_id: int) -> HttpResponse:
    """Overdue, due today and waiting for review, by owner and organisation; every request."""
    inspection = get_inspection(area, inspection_id)
    data = board_data(area, inspection, _chosen(request), timezone.now(), request.user)
    return render(
        request,
        "inspection_requests/board.html",
        page_context(request, area, "Requests from inspectors", inspection=inspection, **data),
    )


@area_view("view_requests")
@never_cache
def board_json(request: HttpRequest, area: LocalArea, inspection_id: int) -> HttpResponse:
    """The board's live part, for pages where JavaScript runs (polled; no reload)."""
    inspection = get_inspection(area, inspection_id)
    data = board_data(area, inspection, _chosen(request), timezone.now(), request.user)
    context = page_context(request, area, "", inspection=inspection, **data)
    total = data["summary"]["total"]
    return JsonResponse(
        {
            "html": render_to_string(
                "inspection_requests/_board_live.html", context, request=request
            ),
            "counts": {
                "overdue": total.overdue,
                "due_today": total.due_today,
                "waiting_review": total.waiting_review,
                "open": total.open,
                "released": total.released,
            },
            "updated": timezone.localtime(data["now"]).strftime("%H:%M"),
        }
    )


@area_view("view_requests")
def my_requests(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """What the signed-in person owes."""
    return redirect("inspection_requests:owner", area.code, request.user.pk)


@area_view("view_requests")
@never_cache
def owner_page(request: HttpRequest, area: LocalArea, user_id: int) -> HttpResponse:
    """A page per owner: what they owe, most urgent first, and what they handed over (the board
    already shows everyone's requests to these roles, so any of them may open any owner's page)."""
    person = get_object_or_404(get_user_model(), pk=user_id, memberships__area=area)
    now = timezone.now()
    items = list(
        InspectionRequest.objects.filter(
            area=area, owner=person, inspection__status="active"
        ).select_related("owner", "inspection")
    )
    rows = _rows(items, now, related_words(area, request.user))
    owed = [r for r in rows if r["item"].is_open]
    done = [r for r in rows if not r["item"].is_open]
    name = owner_label(person)
    title = "What you owe" if person.pk == request.user.pk else f"What {name} owes"
    return render(
        request,
        "inspection_requests/owner.html",
        page_context(request, area, title, person=person, owed=owed, done=done, now=now),
    )
