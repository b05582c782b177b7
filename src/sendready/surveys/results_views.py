"""Reading a survey's results: counts and percentages per question, each chart followed by a table of
its numbers, written answers, and downloads (audited)."""

from django.http import Http404, HttpRequest, HttpResponse

from sendready.areas.access import area_view, can
from sendready.areas.models import LocalArea
from sendready.documents.charts import answer_bars_svg
from sendready.surveys import actions
from sendready.surveys.access import get_survey
from sendready.surveys.results import results_csv, results_of, results_xlsx
from sendready.surveys.views import page


@area_view("view_surveys")
def survey_results(request: HttpRequest, area: LocalArea, survey_id: int) -> HttpResponse:
    survey = get_survey(area, survey_id)
    return page(
        request,
        area,
        "results.html",
        f"Results: {survey.title}",
        survey=survey,
        results=results_of(survey),
        may_export=can(request.user, "export_survey_results", area),
    )


@area_view("view_surveys")
def survey_chart(request: HttpRequest, area: LocalArea, survey_id: int, key: str) -> HttpResponse:
    """One question's chart as SVG (the page's table has the same numbers)."""
    survey = get_survey(area, survey_id)
    question = next((q for q in results_of(survey).questions if q.key == key and q.cells), None)
    if question is None:
        raise Http404("No chart for this question.")
    svg = answer_bars_svg([(c.label, c.percent) for c in question.cells], question.text)
    return HttpResponse(svg, content_type="image/svg+xml")


@area_view("export_survey_results")
def survey_export(request: HttpRequest, area: LocalArea, survey_id: int, kind: str) -> HttpResponse:
    """The results after suppression as CSV or Excel; every download is in the audit log."""
    survey = get_survey(area, survey_id)
    if kind not in ("csv", "xlsx"):
        raise Http404("Results download as csv or xlsx.")
    results = results_of(survey)
    actions.record_export(actor=request.user, survey=survey, kind=kind.upper(), request=request)
    if kind == "csv":
        body, content_type = results_csv(results), "text/csv; charset=utf-8"
    else:
        body = results_xlsx(results)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-results.{kind}"'
    return response
