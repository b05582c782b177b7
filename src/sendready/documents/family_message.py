"""The key message to families, and its easy-read version, as reader blocks: plain English, short
sentences, active voice, every acronym with its words, and each audience's own survey link."""

from __future__ import annotations

from sendready.documents.blocks import Block, Heading, Link, Para, Written
from sendready.documents.briefing_data import (
    SURVEY_AUDIENCES,
    BriefingData,
    meeting_sentence,
    onsite_phrase,
    phone_sentence,
    survey_sentences,
)
from sendready.domain.dates.workdays import long_date, to_london

OFSTED_REPORTS = "https://reports.ofsted.gov.uk/"
LINK_WILL_FOLLOW = "The link will follow. We will share it here as soon as we have it."
# Who each survey is for, in the words a parent or a young person would use.
WHO = {
    "parents": "If you are a parent or carer, answer the survey for parents and carers.",
    "children": "If you are a child or young person, answer the survey for children and young people.",
    "practitioners": "If you work with children and young people, answer the survey for practitioners.",
}


def key_message(data: BriefingData) -> Written:
    """What is happening, when inspectors are here, how to give views, what happens after, whom to ask."""
    blocks: list[Block] = [
        Heading("What is happening"),
        Para(
            f"Inspectors from Ofsted and the Care Quality Commission (CQC) are coming to "
            f"{data.area_name}. They will look at how schools, health and care services work "
            f"together. They want to know how well these services help children and young people "
            f"with special educational needs and disabilities (SEND)."
        ),
    ]
    if data.purpose:
        blocks.append(Para(data.purpose))
    blocks += [
        Heading("When inspectors are here"),
        Para(f"Inspectors will be here {onsite_phrase(data.onsite_start, data.onsite_end)}."),
        Heading("Tell inspectors what you think"),
        Para(
            "Inspectors want to hear from children, young people, parents and carers. Tell them "
            "what works well and what could be better. They will not judge your family on what "
            "you say."
        ),
        *_surveys(data),
        *_meeting(data),
        Heading("What happens after the visit"),
        *_after(data),
        Heading("Questions"),
        _contact(data, "If you have a question, email"),
    ]
    return Written(
        title=f"Inspectors are visiting SEND services in {data.area_name}", blocks=tuple(blocks)
    )


def _surveys(data: BriefingData) -> list[Block]:
    if not data.surveys_for:
        return []
    blocks: list[Block] = [Para(survey_sentences(data.survey, several=len(data.surveys_for) > 1))]
    for audience in data.surveys_for:
        blocks.append(Para(WHO[audience]))
        link = data.survey_link(audience)
        title = f"Answer the survey for {SURVEY_AUDIENCES[audience]}"
        blocks.append(Link(title, link) if link else Para(LINK_WILL_FOLLOW))
        if audience == "children" and data.children_easy_read_link:
            blocks.append(Link("Answer the easy-read survey", data.children_easy_read_link))
        elif audience == "children":
            blocks.append(Para("There will also be an easy-read survey. Its link will follow."))
    return blocks


def _meeting(data: BriefingData) -> list[Block]:
    meeting = data.forum_meeting
    if meeting is None:
        return [
            Para(
                "You may also be able to talk to inspectors at an online meeting. We do not know "
                "the date yet. We will share it here."
            )
        ]
    blocks: list[Block] = [
        Para("You can also talk to inspectors at an online meeting."),
        Para(meeting_sentence(meeting)),
    ]
    if meeting.online_link:
        blocks.append(Link("Join the meeting online", meeting.online_link))
    if meeting.phone_number:
        blocks.append(Para(phone_sentence(meeting)))
    if not (meeting.online_link or meeting.phone_number):
        blocks.append(Para("The joining details will follow."))
    return blocks


def _after(data: BriefingData) -> list[Block]:
    report = data.report_name
    when = (
        f"We expect it around {long_date(data.report_expected)}."
        if data.report_expected
        else "We do not know the date yet."
    )
    return [
        Para(f"Inspectors will write a {report} about what they found. {when}"),
        Para(f"Ofsted will publish the {report} on its website."),
        Link("Read inspection reports on the Ofsted website", OFSTED_REPORTS),
        Para(f"We will tell families what the {report} says and what we will do next."),
    ]


def _contact(data: BriefingData, lead: str) -> Para:
    if data.contact_email:
        return Para(f"{lead} {data.contact_email}.")
    return Para("We will share an email address for questions soon.")


def easy_read(data: BriefingData) -> Written:
    """The key message in easy read: short lines, one idea a line, space beside each for a picture."""
    end = data.onsite_end or data.onsite_start
    blocks: list[Block] = [
        Heading("Inspectors are coming"),
        Para("Inspectors check services."),
        Para("They check schools, health and care."),
        Para("They want to know if these services help children and young people with SEND."),
        Para("SEND means special educational needs and disabilities."),
        Heading("When"),
        Para(f"Inspectors will come on {long_date(data.onsite_start)}."),
    ]
    if end != data.onsite_start:
        blocks.append(Para(f"They will stay until {long_date(end)}."))
    blocks += [Heading("Tell them what you think"), *_easy_survey(data)]
    blocks += [
        Para("You can ask an adult to help you."),
        Heading("After the visit"),
        Para(f"Inspectors will write a {data.report_name}."),
        Para(f"The {data.report_name} will say what is good."),
        Para("It will say what needs to get better."),
        Para(f"We will tell you what the {data.report_name} says."),
        Heading("Questions"),
        Para("Ask an adult you trust."),
    ]
    if data.contact_email:
        blocks.append(Para(f"Or email {data.contact_email}."))
    title = f"Inspectors are visiting {data.area_name}: easy read"
    return Written(title=title, blocks=tuple(blocks), easy_read=True)


def _easy_survey(data: BriefingData) -> list[Block]:
    if "children" not in data.surveys_for:
        return [Para("You can tell an adult what you think."), Para("They can tell inspectors.")]
    blocks: list[Block] = [
        Para("You can answer some questions online."),
        Para("This is called a survey."),
    ]
    link = data.children_easy_read_link or data.children_survey_link
    if link:
        blocks.append(Link("Answer the survey", link))
    else:
        blocks.append(Para("We will send you the link soon."))
    if data.survey:
        closes = to_london(data.survey.closes).date()
        blocks.append(Para(f"The survey closes on {long_date(closes)}."))
    return blocks
