"""Ready-to-send messages promoting the inspectors' survey, one per channel, from the link and window
recorded once on the inspection."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendready.domain.dates.workdays import long_date, to_london
from sendready.domain.surveys.schedule import at

CHANNELS = {
    "website": "Local offer website",
    "email_families": "Email to families",
    "schools": "Schools and colleges newsletter",
    "social_media": "Social media",
    "forum": "Parent carer forum",
    "practitioners": "Email to practitioners",
}
SOCIAL_LIMIT = 280


@dataclass(frozen=True)
class InspectorsSurvey:
    """The inspectors' survey as the inspection records it: a link and when it is open."""

    area_name: str
    link: str
    opens: dt.datetime
    closes: dt.datetime
    timed: bool = True


@dataclass(frozen=True)
class Message:
    channel: str
    title: str
    subject: str
    text: str


def _window(survey: InspectorsSurvey) -> tuple[str, str]:
    if survey.timed:
        return at(survey.opens), at(survey.closes)
    return long_date(to_london(survey.opens).date()), long_date(to_london(survey.closes).date())


def _link(survey: InspectorsSurvey) -> str:
    return survey.link or "[add the inspectors' survey link]"


def messages(survey: InspectorsSurvey) -> list[Message]:
    """One message per channel, in plain English, with the link and the closing time."""
    opens, closes = _window(survey)
    link, area = _link(survey), survey.area_name
    intro = (
        f"Ofsted and the Care Quality Commission (CQC) are inspecting how well services in {area} "
        "work for children and young people with special educational needs and disabilities (SEND)."
    )
    ask = (
        f"The inspectors want to hear from parents and carers. Their online survey is open from {opens} "
        f"until {closes}. It takes a few minutes, and you do not have to give your name: {link}"
    )
    families = f"{intro}\n\n{ask}\n\nThe survey goes straight to the inspectors. We cannot see who answered."
    texts = {
        "website": ("Tell inspectors about your experience of SEND services", families),
        "email_families": ("Tell the inspectors what you think of SEND services", families),
        "schools": (
            "Please share with families of children with SEND",
            f"{intro}\n\n{ask}\n\nPlease share this with the families of children and young people "
            "with SEND at your school or college.",
        ),
        "social_media": ("", _social(area, link, closes)),
        "forum": (
            "Your chance to tell the inspectors",
            f"{intro}\n\n{ask}\n\nThe forum helped check the questions. Please answer and share it "
            "with other families.",
        ),
        "practitioners": (
            "SEND inspection: please share the inspectors' survey with families",
            f"{intro}\n\nPlease share the inspectors' survey for parents and carers with the families "
            f"you work with. It is open from {opens} until {closes}: {link}",
        ),
    }
    return [Message(key, CHANNELS[key], *texts[key]) for key in CHANNELS]


def _social(area: str, link: str, closes: str) -> str:
    text = f"Parents and carers of children with SEND in {area}: tell the inspectors what you think. Open until {closes}. {link}"
    if len(text) > SOCIAL_LIMIT:
        text = (
            f"Parents and carers of children with SEND: tell the inspectors what you think. {link}"
        )
    return text
