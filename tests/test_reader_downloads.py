"""Every Word download the product makes, found from the URLconf and opened as a reader's tools would;
the demo's key message to families read for plain English; no download for readers carries app-facing
words, before or after the outcome is recorded; the PDFs say the same words as the Word files."""

import datetime as dt
import io
import re
from collections import Counter

import pypdf
import pytest
from django.test import override_settings
from django.urls import get_resolver

from sendready.areas.constants import Role
from sendready.documents.blocks import TIMETABLE_HEADERS, plain_text
from sendready.documents.family_message import key_message
from sendready.domain.readers.app_facing import app_facing_phrases
from sendready.domain.readers.readability import flesch_reading_ease
from sendready.inspections import demo as inspection_demo
from sendready.inspections.models import Inspection
from sendready.inspections.outcome_actions import record_outcome
from sendready.inspections.presenters import briefing_data
from sendready.plans import demo as plans_demo
from sendready.plans.models import Plan
from sendready.selfevaluation import demo as sef_demo
from tests.documents.docx_checks import accessibility_problems, all_text

READER_DOWNLOADS = ("briefing_docx", "key_message_docx", "easy_read_docx")


@pytest.fixture(autouse=True)
def _media(tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        yield


@pytest.fixture
def demo(two_areas):
    people, _ = two_areas
    by_name = {
        "lano": people.by_role[Role.LANO],
        "systemlead": people.by_role[Role.SYSTEM_LEAD],
        "leader": people.by_role[Role.SENIOR_LEADER],
        "health": people.by_role[Role.HEALTH_LEAD],
    }
    inspection_demo.load(people.area, by_name)
    sef_demo.load(people.area, by_name)
    plans_demo.load(people.area, by_name)
    return people, Inspection.objects.get(area=people.area)


def _word_download_urls(area, inspection) -> dict[str, str]:
    """Every URL name whose route ends in .docx, with this area's (and inspection's) arguments."""
    found = {}
    for namespace, (prefix, resolver) in get_resolver().namespace_dict.items():
        for pattern in resolver.url_patterns:
            route = str(pattern.pattern)
            if route.endswith(".docx"):
                path = "/" + prefix + route
                path = path.replace("<str:area_code>", area.code)
                path = path.replace("<int:pk>", str(inspection.pk))
                plan = Plan.objects.for_area(area).filter(plan_type="wsoa").first()
                path = path.replace("<int:plan_id>", str(plan.pk if plan else 0))
                found[f"{namespace}:{pattern.name}"] = path
    return found


def test_every_word_download_passes_the_accessibility_read_back(client, demo):
    people, inspection = demo
    client.force_login(people.by_role[Role.LANO])
    urls = _word_download_urls(people.area, inspection)
    assert {
        "inspections:timetable_docx",
        "selfevaluation:sef_docx",
        "plans:report_docx",
    } <= set(urls)
    assert {f"inspections:{name}" for name in READER_DOWNLOADS} <= set(urls)
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert accessibility_problems(response.content) == [], name


def test_the_demo_key_message_reads_as_plain_english(demo):
    _, inspection = demo
    text = plain_text(key_message(briefing_data(inspection)))
    assert flesch_reading_ease(text) >= 60, flesch_reading_ease(text)


def _reader_texts(client, people, inspection) -> dict[str, str]:
    base = f"/areas/{people.area.code}/inspections/{inspection.pk}/"
    texts = {
        name: all_text(client.get(base + path).content)
        for name, path in [
            ("briefing", "stakeholder-briefing.docx"),
            ("key message", "key-message.docx"),
            ("easy read", "key-message-easy-read.docx"),
        ]
    }
    for name, path in [
        ("briefing pdf", "stakeholder-briefing.pdf"),
        ("key message pdf", "key-message.pdf"),
    ]:
        pdf = pypdf.PdfReader(io.BytesIO(client.get(base + path).content))
        texts[name] = " ".join(page.extract_text() for page in pdf.pages)
    for name, path in [("page", "key-message/"), ("easy read page", "key-message/easy-read/")]:
        html = client.get(base + path).content.decode()
        main = html[html.index('id="message"') : html.index("end of the message")]
        texts[name] = re.sub(r"<[^>]+>", " ", main)
    return texts


def test_no_download_for_readers_carries_app_facing_words_before_or_after_the_outcome(client, demo):
    people, inspection = demo
    client.force_login(people.by_role[Role.PCF_REP])
    for name, text in _reader_texts(client, people, inspection).items():
        assert not app_facing_phrases(text), (name, app_facing_phrases(text))
    briefing = _reader_texts(client, people, inspection)["briefing"]
    assert briefing.count("After the report, the partnership will") == 1

    report = inspection.milestones.get(key="onsite").end_date + dt.timedelta(days=40)
    record_outcome(
        inspection=inspection,
        actor=people.by_role[Role.LANO],
        key="positive",
        counts={"priority_action_areas": 0, "improvement_areas": 2},
        report_date=report,
    )
    texts = _reader_texts(client, people, Inspection.objects.get(pk=inspection.pk))
    for name, text in texts.items():
        assert not app_facing_phrases(text), (name, app_facing_phrases(text))
    assert "After the report, the partnership will" not in texts["briefing"]
    assert "The partnership updates and publishes its SEND strategic plan" in texts["briefing"]
    assert "priority action plan" not in texts["briefing"]


def test_the_pdfs_and_the_word_files_say_the_same_words(client, demo):
    people, inspection = demo
    client.force_login(people.by_role[Role.VIEWER])
    texts = _reader_texts(client, people, inspection)

    def words(text: str) -> list[str]:
        return re.findall(r"[A-Za-z0-9]+", text)

    # The Word files' text lists tables after the paragraphs, so the words are compared as counts; a
    # table that runs onto a second page repeats its header row in the PDF, as Word does when printing.
    assert Counter(words(texts["key message pdf"])) == Counter(words(texts["key message"]))
    pdf, word = Counter(words(texts["briefing pdf"])), Counter(words(texts["briefing"]))
    assert not word - pdf
    header_words = set(words(" ".join(("When What happens Who", *TIMETABLE_HEADERS))))
    assert set(pdf - word) <= header_words
