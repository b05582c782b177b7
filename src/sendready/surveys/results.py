"""A survey's results after suppression, and their downloads (CSV and Excel)."""

from django.conf import settings

from sendready.documents.csvout import rows_to_csv
from sendready.documents.xlsx import table_to_xlsx
from sendready.domain.surveys.bank import Kind, questions_of
from sendready.domain.surveys.results import SurveyResults, tally
from sendready.surveys.models import Survey

HEADERS = ("Question", "Answer", "Number", "Per cent")


def results_of(survey: Survey) -> SurveyResults:
    """Counts and percentages per question over every stored response, after suppression."""
    answers = list(survey.responses.values_list("answers", flat=True))
    return tally(questions_of(survey.questions), answers, settings.SURVEY_SUPPRESS_BELOW)


def count_rows(results: SurveyResults) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [("All questions", "Responses", results.responses_shown, "")]
    for q in results.questions:
        if q.kind is Kind.TEXT:
            rows.append((q.text, "Written answers", q.answered_shown, ""))
            continue
        rows.append((q.text, "Answered this question", q.answered_shown, ""))
        rows += [(q.text, c.label, c.shown, c.percent_text) for c in q.cells]
    return rows


def text_rows(results: SurveyResults) -> list[tuple[object, ...]]:
    return [(q.text, text) for q in results.questions if q.kind is Kind.TEXT for text in q.texts]


def results_csv(results: SurveyResults) -> bytes:
    """Counts, then every written answer shown on the page (Number and Per cent left empty)."""
    rows = count_rows(results) + [(q, text, "", "") for q, text in text_rows(results)]
    return rows_to_csv(HEADERS, rows)


def results_xlsx(results: SurveyResults) -> bytes:
    return table_to_xlsx(
        {
            "Counts": (HEADERS, count_rows(results)),
            "Written answers": (("Question", "Answer"), text_rows(results)),
        }
    )
