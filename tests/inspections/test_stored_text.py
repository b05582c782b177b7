"""Text people store is clean and bounded: control characters never break a Word download."""

import datetime as dt
import importlib
import io
import pkgutil

import docx
import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

import sendready
from sendready.areas.constants import Role
from sendready.inspections.models import Inspection, TimetableSession
from sendready.stored_text import DEFAULT_TEXT_LIMIT, EmailAddressField, LineField, LinkField

WORD_LINE_BREAK = "\x0b"  # what Word's Shift+Enter pastes


def _briefing(client, area, inspection, **data):
    return client.post(f"/areas/{area.code}/inspections/{inspection.pk}/briefing/", data)


def test_control_characters_in_briefing_fields_are_removed_on_save(client, two_areas, inspection):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = _briefing(
        client,
        people.area,
        inspection,
        purpose=f"To see how{WORD_LINE_BREAK}services work\x1b together\ufffe.",
        areas_of_focus="Transitions\x07",
        team="Jane Smith\x1b, Lead HMI, Ofsted",
    )
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert inspection.purpose == "To see how\nservices work together."
    assert inspection.areas_of_focus == "Transitions"
    assert inspection.team.get().name == "Jane Smith"
    for name in ("stakeholder-briefing.docx", "key-message.docx"):
        download = client.get(f"/areas/{people.area.code}/inspections/{inspection.pk}/{name}")
        assert download.status_code == 200
        assert "services work together" in "\n".join(
            p.text for p in docx.Document(io.BytesIO(download.content)).paragraphs
        )


def test_a_session_title_with_an_escape_character_is_saved_without_it(
    client, two_areas, inspection
):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    day = dt.date(2025, 9, 22)
    response = client.post(
        f"/areas/{people.area.code}/inspections/{inspection.pk}/timetable/new/",
        {
            "date_day": day.day,
            "date_month": day.month,
            "date_year": day.year,
            "part_of_day": "am",
            "start_time": "09:00",
            "end_time": "10:00",
            "title": "Leaders\x1b[31m meeting\x0b",
            "focus": "Line one\x0bline two",
        },
    )
    assert response.status_code == 302
    session = TimetableSession.objects.get()
    assert (session.title, session.focus) == ("Leaders[31m meeting", "Line one\nline two")


def test_word_downloads_work_for_text_stored_before_the_clean_was_added(
    client, two_areas, inspection
):
    people, _ = two_areas
    # update() skips the save hook: this is how an old record with a control character looks.
    Inspection.objects.filter(pk=inspection.pk).update(purpose="Old\x0btext\x1b\ufffe")
    TimetableSession.objects.bulk_create(
        [
            TimetableSession(
                inspection=inspection,
                date=dt.date(2025, 9, 22),
                part_of_day="am",
                start_time=dt.time(9),
                end_time=dt.time(10),
                title="Title\x0b with break",
            )
        ]
    )
    client.force_login(people.by_role[Role.VIEWER])
    for name in ("stakeholder-briefing.docx", "key-message.docx", "timetable.docx"):
        response = client.get(f"/areas/{people.area.code}/inspections/{inspection.pk}/{name}")
        assert response.status_code == 200, name
        docx.Document(io.BytesIO(response.content))


def test_a_huge_purpose_or_team_list_is_refused_with_a_clear_message(client, two_areas, inspection):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = _briefing(client, people.area, inspection, purpose="x" * (9 * 1024 * 1024 // 2))
    assert response.status_code == 200
    assert (
        "Purpose of the inspection must be 2,000 characters or fewer" in response.content.decode()
    )
    team = "\n".join(f"Person {i}, Inspector, Ofsted" for i in range(40_000))
    response = _briefing(client, people.area, inspection, team=team)
    assert "Inspection team must be 4,000 characters or fewer" in response.content.decode()
    response = _briefing(client, people.area, inspection, team="N" * 200 + ", Lead HMI")
    assert (
        "Line 1 of the inspection team: the name must be 120 characters or fewer"
        in response.content.decode()
    )
    inspection.refresh_from_db()
    assert inspection.purpose == "" and not inspection.team.exists()


def test_saving_any_model_cleans_its_text_and_refuses_text_over_its_limit(two_areas, inspection):
    inspection.purpose = "Fine\x1b"
    inspection.save()
    inspection.refresh_from_db()
    assert inspection.purpose == "Fine"
    inspection.purpose = "x" * 2001
    with pytest.raises(ValidationError, match="2,000 characters or fewer"):
        inspection.save()
    people, _ = two_areas
    people.area.name = "Ashvale\x00"
    people.area.save()
    people.area.refresh_from_db()
    assert people.area.name == "Ashvale"


def _our_form_classes() -> list[type[forms.Form]]:
    found = []
    for module_info in pkgutil.walk_packages(sendready.__path__, "sendready."):
        if not module_info.name.endswith(".forms"):
            continue
        module = importlib.import_module(module_info.name)
        found += [
            v
            for v in vars(module).values()
            if isinstance(v, type)
            and issubclass(v, forms.BaseForm)
            and v.__module__ == module.__name__
        ]
    return found


def test_every_text_field_of_every_form_uses_the_shared_cleaner_and_has_a_limit():
    loose = []
    for form_class in _our_form_classes():
        for name, field in form_class.base_fields.items():
            text = isinstance(field, forms.CharField) and not isinstance(field, forms.RegexField)
            safe = isinstance(field, (LineField, LinkField, EmailAddressField)) and field.max_length
            if text and not safe:
                loose.append(f"{form_class.__name__}.{name}")
    assert loose == []


def test_every_text_field_of_every_model_has_a_limit_the_save_check_enforces():
    for model in apps.get_models():
        if model._meta.app_label not in {
            "areas",
            "audit",
            "accounts",
            "inspections",
            "forecasting",
            "pupildata",
        }:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField)):
                assert (field.max_length or DEFAULT_TEXT_LIMIT) <= DEFAULT_TEXT_LIMIT, field


def test_no_form_builds_a_raw_text_field_even_when_fields_are_added_at_run_time():
    from pathlib import Path

    raw = ("forms.CharField(", "forms.URLField(", "forms.EmailField(")
    root = Path(sendready.__file__).parent
    offenders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if p.name != "stored_text.py"
        and p.name != "govuk_forms.py"
        and any(r in p.read_text() for r in raw)
    ]
    assert offenders == []
