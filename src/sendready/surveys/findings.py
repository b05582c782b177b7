"""Survey results offered to the self-evaluation as findings it can pin as evidence.

Only counts after small-number suppression leave this app, never a written answer: one finding per
question with answers to choose from, in each survey that has responses."""

from django.db.models import Max

from sendready.areas.models import LocalArea
from sendready.areas.registry import Finding
from sendready.surveys.models import Survey
from sendready.surveys.results import results_of


def survey_findings(area: LocalArea) -> list[Finding]:
    found: list[Finding] = []
    surveys = Survey.objects.for_area(area).annotate(last=Max("responses__submitted_on"))
    for survey in surveys.filter(last__isnull=False).order_by("-last", "-pk"):
        results = results_of(survey)
        for q in results.questions:
            if not q.cells:
                continue
            found.append(
                Finding(
                    key=f"{survey.pk}-{q.key}",
                    title=f"{survey.title[:80]}: {q.text}"[:200],
                    summary=(
                        f"{survey.get_audience_display()}: {q.answered_shown} of "
                        f"{results.responses_shown} responses answered this question "
                        f"(numbers under {results.threshold} not shown)."
                    ),
                    table=(("Answer", "Number", "Per cent"),)
                    + tuple((c.label, str(c.shown), c.percent_text) for c in q.cells),
                    as_of=survey.last,  # the annotation above
                )
            )
    return found
