"""Demo content: the fictional area's surveys of parents and carers (open, with synthetic answers),
of children and young people (easy read, with the forum) and of practitioners (a draft)."""

from sendready.surveys import actions
from sendready.surveys.models import Survey
from sendready.surveys.testing import answer_survey, open_survey

DEMO_ANSWERS = 64


def load(area, people) -> None:
    """Add the demo surveys once (a second load-demo leaves them and their answers alone)."""
    if Survey.objects.for_area(area).exists():
        return
    lano, pcf = people["lano"], people["pcf"]
    parents = open_survey(area, lano, pcf, "parents_carers", days_open=14)
    answer_survey(parents, DEMO_ANSWERS)
    young = actions.create_survey(actor=lano, area=area, audience="children_young_people")
    actions.send_for_review(actor=lano, survey=young)
    actions.create_survey(actor=people["systemlead"], area=area, audience="practitioners")
