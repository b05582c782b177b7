"""The question bank (data/question_bank.json) and the shape of a survey question.

A survey stores its questions as plain dictionaries (`Question.as_dict`), so what families answered is
always read against the wording they saw; `fingerprint` names that wording, and a survey whose
fingerprint differs from the one the forum approved needs a new review."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "question_bank.json"
MAX_OPTIONS = 12
MAX_QUESTION_CHARS = 300
MAX_OPTION_CHARS = 120


class Kind(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    SCALE = "scale"
    TEXT = "text"


KIND_TITLES = {
    Kind.SINGLE: "Single choice",
    Kind.MULTIPLE: "Multiple choice",
    Kind.SCALE: "Agreement scale",
    Kind.TEXT: "Free text",
}


class BankError(ValueError):
    """A question definition that cannot be used, with the field it is about."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


@dataclass(frozen=True)
class Question:
    """One question as families see it."""

    key: str
    kind: Kind
    text: str
    hint: str = ""
    options: tuple[str, ...] = ()
    optional: bool = False
    scale: str = ""

    @property
    def choices(self) -> bool:
        return self.kind is not Kind.TEXT

    @property
    def one_answer(self) -> bool:
        return self.kind in (Kind.SINGLE, Kind.SCALE)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind.value,
            "text": self.text,
            "hint": self.hint,
            "options": list(self.options),
            "optional": self.optional,
            "scale": self.scale,
        }


@dataclass(frozen=True)
class AudienceBank:
    key: str
    title: str
    easy_read: bool
    survey_title: str
    description: str
    questions: tuple[Question, ...] = field(default_factory=tuple)


@cache
def _raw() -> dict[str, Any]:
    with DATA.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def scales() -> dict[str, tuple[str, ...]]:
    """The answer scales by name (agreement, easy)."""
    return {name: tuple(options) for name, options in _raw()["scales"].items()}


def question_from_mapping(raw: Mapping[str, Any]) -> Question:
    """A checked question from stored or bank data; a scale question takes its scale's options."""
    try:
        kind = Kind(raw.get("kind", ""))
    except ValueError:
        raise BankError("kind", "Choose the type of question") from None
    text = str(raw.get("text", "")).strip()
    if not text:
        raise BankError("text", "Enter the question")
    if len(text) > MAX_QUESTION_CHARS:
        raise BankError("text", f"The question must be {MAX_QUESTION_CHARS} characters or fewer")
    scale = str(raw.get("scale") or "")
    options = tuple(str(o).strip() for o in raw.get("options") or () if str(o).strip())
    if kind is Kind.SCALE:
        if scale not in scales():
            raise BankError("scale", "Choose the answer scale")
        options = options or scales()[scale]
    _check_options(kind, options)
    return Question(
        key=str(raw.get("key", "")),
        kind=kind,
        text=text,
        hint=str(raw.get("hint") or "").strip(),
        options=options if kind is not Kind.TEXT else (),
        optional=bool(raw.get("optional", False)),
        scale=scale if kind is Kind.SCALE else "",
    )


def _check_options(kind: Kind, options: Sequence[str]) -> None:
    if kind is Kind.TEXT:
        return
    if len(options) < 2:
        raise BankError("options", "Enter at least 2 answers to choose from, one on each line")
    if len(options) > MAX_OPTIONS:
        raise BankError("options", f"Enter at most {MAX_OPTIONS} answers to choose from")
    if len({o.casefold() for o in options}) != len(options):
        raise BankError("options", "Each answer to choose from must be different")
    if any(len(o) > MAX_OPTION_CHARS for o in options):
        raise BankError(
            "options", f"Each answer to choose from must be {MAX_OPTION_CHARS} characters or fewer"
        )


@cache
def audiences() -> dict[str, AudienceBank]:
    """The bank for each audience: parents_carers, children_young_people, practitioners."""
    found = {}
    for key, raw in _raw()["audiences"].items():
        found[key] = AudienceBank(
            key=key,
            title=raw["title"],
            easy_read=raw["easy_read"],
            survey_title=raw["survey_title"],
            description=raw["description"],
            questions=tuple(question_from_mapping(q) for q in raw["questions"]),
        )
    return found


def questions_of(stored: Sequence[Mapping[str, Any]]) -> list[Question]:
    """A survey's stored questions as Question values."""
    return [question_from_mapping(q) for q in stored]


def new_key(existing: Sequence[str], prefix: str = "q") -> str:
    """A key not yet used in the survey, for a question written by the area."""
    n = 1
    while f"{prefix}{n}" in existing:
        n += 1
    return f"{prefix}{n}"


def fingerprint(title: str, description: str, easy_read: bool, questions: Sequence[Any]) -> str:
    """A digest of everything families will read: a different digest needs a new review."""
    content = {
        "title": title,
        "description": description,
        "easy_read": easy_read,
        "questions": [q.as_dict() if isinstance(q, Question) else dict(q) for q in questions],
    }
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()
