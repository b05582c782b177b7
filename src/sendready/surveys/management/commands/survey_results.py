"""sendready survey-results --area CODE --survey ID [--format json|text]: a survey's counts per question
after small-number suppression, and its responses."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendready.areas.models import LocalArea
from sendready.cli_options import add_format_option, wants_json, write_json
from sendready.domain.surveys.results import as_json
from sendready.surveys.models import Survey
from sendready.surveys.results import results_of


class Command(BaseCommand):
    help = (
        "Print a survey's results: per question, `counts` of each answer after small-number "
        "suppression (under SURVEY_SUPPRESS_BELOW shows as 'fewer than N') and `responses`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--area", required=True, help="the area's ONS code")
        parser.add_argument("--survey", required=True, type=int, help="the survey's number")
        add_format_option(parser, default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        area = LocalArea.objects.filter(code=options["area"]).first()
        if area is None:
            raise CommandError(f"No local area has the code {options['area']}.")
        survey = Survey.objects.for_area(area).filter(pk=options["survey"]).first()
        if survey is None:
            raise CommandError(f"{area.name} has no survey number {options['survey']}.")
        data = as_json(results_of(survey))
        payload = {
            "survey": {"id": survey.pk, "title": survey.title, "audience": survey.audience},
            **data,
        }
        if wants_json(options):
            write_json(self.stdout, payload)
            return
        self.stdout.write(
            f"{survey.title} ({survey.get_audience_display()}): {data['responses']} responses"
        )
        for q in payload["questions"]:  # type: ignore[attr-defined]
            self.stdout.write(f"\n{q['text']} (answered by {q['responses']})")
            for label, count in q["counts"].items():
                self.stdout.write(f"  {label}: {count}")
            for text in q["answers"]:
                self.stdout.write(f"  - {text}")
