"""Upload a SEN2 return; it is checked and imported in the background (progress: import_views)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from sendready.areas.access import area_view
from sendready.areas.models import LocalArea
from sendready.pupildata import sen2_import
from sendready.pupildata.constants import ImportKind
from sendready.pupildata.forms import Sen2UploadForm
from sendready.pupildata.models import ImportRun
from sendready.pupildata.views import context
from sendready.upload_limits import accepts_upload


@accepts_upload(sen2_import.max_upload_bytes)
@area_view("import_pupils")
@never_cache
def upload_sen2(request: HttpRequest, area: LocalArea) -> HttpResponse:
    """Choose the return's files and date; the check and import run in the background."""
    form = Sen2UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        run = sen2_import.start_sen2_import(
            actor=request.user,
            area=area,
            files=form.cleaned_data["return_files"],
            snapshot_date=form.cleaned_data["snapshot_date"],
            request=request,
        )
        return redirect("pupildata:progress", area.code, run.pk)
    recent = ImportRun.objects.filter(area=area, kind=ImportKind.SEN2).select_related(
        "uploaded_by"
    )[:10]
    return render(
        request,
        "pupildata/import_sen2.html",
        context(
            request,
            area,
            "Import the SEN2 return",
            form=form,
            recent=recent,
            max_mb=sen2_import.max_upload_bytes() / 1024 / 1024,
        ),
    )
