"""Whether a survey's wording is approved: the forum approved exactly what families will read."""

from sendready.domain.surveys.bank import fingerprint
from sendready.surveys.constants import SurveyStatus
from sendready.surveys.models import Survey


def current_fingerprint(survey: Survey) -> str:
    """The digest of everything families will read in the survey now."""
    return fingerprint(survey.title, survey.description, survey.easy_read, survey.questions)


def is_approved(survey: Survey) -> bool:
    """Approved by the forum, and unchanged since."""
    return (
        survey.status == SurveyStatus.APPROVED
        and survey.approved_fingerprint == current_fingerprint(survey)
    )
