"""One cleaner for every text a person can store: form fields, and a last check before any model is saved.

Forms use `LineField` (one line) and `ParagraphField` (a text box): both strip control characters and need
a length limit, so a pasted 9 MB document is refused with a message instead of stored. Every model save in
sendready's apps then cleans its text fields again and refuses text longer than the field allows (SQLite
does not enforce max_length, and a TextField has none unless we give it one), whatever path wrote it.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_save

from sendready.domain.text import clean_text

# A text field with no max_length of its own still has a ceiling.
DEFAULT_TEXT_LIMIT = 20_000
OUR_APPS = frozenset(
    {
        "sendready",
        "areas",
        "audit",
        "accounts",
        "inspections",
        "forecasting",
        "pupildata",
        "inspection_requests",
        "selfevaluation",
        "surveys",
    }
)


def too_long(label: str, limit: int) -> str:
    return f"{label} must be {limit:,} characters or fewer"


class LineField(forms.CharField):
    """One line of text: control characters and line breaks removed, at most `max_length` characters."""

    multiline = False

    def __init__(self, *, max_length: int, **kwargs: Any) -> None:
        super().__init__(max_length=max_length, **kwargs)
        label = str(kwargs.get("label") or "The text")
        self.error_messages.setdefault("max_length", too_long(label, max_length))

    def to_python(self, value: Any) -> str | None:
        text = super().to_python(value)
        return clean_text(text, multiline=self.multiline).strip() if text else text


class ParagraphField(LineField):
    """Text over several lines (a text box): control characters removed, line breaks kept."""

    multiline = True

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.Textarea)
        super().__init__(**kwargs)


class PasswordField(LineField):
    """A password, kept exactly as typed (only its hash is stored) but limited, so that a pasted
    megabyte cannot tie up the password hasher."""

    def __init__(self, *, max_length: int = 128, **kwargs: Any) -> None:
        kwargs.setdefault("strip", False)
        kwargs.setdefault("widget", forms.PasswordInput(render_value=False))
        super().__init__(max_length=max_length, **kwargs)

    def to_python(self, value: Any) -> str | None:
        return forms.CharField.to_python(self, value)


class LinkField(forms.URLField):
    """A web address, with control characters removed before it is checked (the model allows 200)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)
        self.error_messages.setdefault(
            "max_length", too_long(str(kwargs.get("label") or "The link"), 200)
        )

    def to_python(self, value: Any) -> str | None:
        return super().to_python(
            clean_text(value, multiline=False) if isinstance(value, str) else value
        )


class EmailAddressField(forms.EmailField):
    """An email address, with control characters removed before it is checked."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 254)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str | None:
        return super().to_python(
            clean_text(value, multiline=False) if isinstance(value, str) else value
        )


def _text_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, (models.CharField, models.TextField))
    ]


def clean_model_text(instance: models.Model) -> None:
    """Clean every text field of the instance in place; refuse any longer than its limit."""
    for field in _text_fields(type(instance)):
        value = getattr(instance, field.attname)
        if not isinstance(value, str) or not value:
            continue
        cleaned = clean_text(value, multiline=isinstance(field, models.TextField))
        limit = field.max_length or DEFAULT_TEXT_LIMIT
        if len(cleaned) > limit:
            raise ValidationError(
                {field.name: too_long(str(field.verbose_name).capitalize(), limit)}
            )
        if cleaned != value:
            setattr(instance, field.attname, cleaned)


def _before_save(
    sender: type[models.Model], instance: models.Model, raw: bool = False, **_: Any
) -> None:
    if not raw and sender._meta.app_label in OUR_APPS:
        clean_model_text(instance)


def connect() -> None:
    """Clean text before every save of a sendready model (called once from the core app's ready)."""
    pre_save.connect(_before_save, dispatch_uid="sendready.stored_text")
