"""The person-level SEND data schema: columns, types and allowed codes, loaded from schema.json."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Literal, TypedDict

ColumnType = Literal["string", "date", "integer", "decimal", "boolean", "code"]


@dataclass(frozen=True)
class Column:
    """One column of the person-level file."""

    name: str
    title: str
    description: str
    type: ColumnType
    required: bool
    example: str
    allowed: dict[str, str] = field(default_factory=dict)  # code -> readable label
    required_when: dict[str, tuple[str, ...]] = field(default_factory=dict)
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None

    def label(self, code: str | None) -> str | None:
        """Readable label for a code of this column (the code itself if unknown)."""
        if code is None:
            return None
        return self.allowed.get(code, code)


@dataclass(frozen=True)
class Schema:
    """All columns of the person-level file, in template order."""

    name: str
    version: int
    columns: tuple[Column, ...]
    true_values: frozenset[str]
    false_values: frozenset[str]

    def __getitem__(self, name: str) -> Column:
        return self.by_name[name]

    @property
    def by_name(self) -> dict[str, Column]:
        """Columns keyed by machine name."""
        return {c.name: c for c in self.columns}

    @property
    def names(self) -> list[str]:
        """Machine names in template order."""
        return [c.name for c in self.columns]

    @property
    def required(self) -> list[str]:
        """Names of the columns a file must contain."""
        return [c.name for c in self.columns if c.required]

    def header_aliases(self) -> dict[str, str]:
        """Map every accepted spelling of a heading (normalised) to its machine name."""
        aliases: dict[str, str] = {}
        for c in self.columns:
            aliases[normalise_heading(c.name)] = c.name
            aliases[normalise_heading(c.title)] = c.name
        return aliases

    def code_lookup(self, name: str) -> dict[str, str]:
        """Map upper-cased codes and labels of a code column to the canonical code."""
        col = self[name]
        lookup: dict[str, str] = {}
        for code, label in col.allowed.items():
            lookup[code.upper()] = code
            lookup[label.upper()] = code
        return lookup


def normalise_heading(text: str) -> str:
    """Lower-case a heading and squash spaces, hyphens and punctuation to single underscores."""
    text = text.replace("%", " pct ").lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def _column(raw: dict) -> Column:
    return Column(
        name=raw["name"],
        title=raw["title"],
        description=raw["description"],
        type=raw["type"],
        required=bool(raw.get("required", False)),
        example=str(raw.get("example", "")),
        allowed={a["code"]: a["label"] for a in raw.get("allowed", [])},
        required_when={k: tuple(v) for k, v in raw.get("required_when", {}).items()},
        pattern=raw.get("pattern"),
        minimum=raw.get("minimum"),
        maximum=raw.get("maximum"),
        max_length=raw.get("max_length"),
    )


@cache
def load_schema() -> Schema:
    """Load the shipped schema (cached)."""
    text = (
        resources.files("sendready.domain.person_level")
        .joinpath("data/schema.json")
        .read_text("utf-8")
    )
    raw = json.loads(text)
    return Schema(
        name=raw["name"],
        version=int(raw["version"]),
        columns=tuple(_column(c) for c in raw["columns"]),
        true_values=frozenset(v.upper() for v in raw["boolean_values"]["true"]),
        false_values=frozenset(v.upper() for v in raw["boolean_values"]["false"]),
    )


def template_header(titles: bool = False) -> list[str]:
    """Column headings for a blank template: machine names, or readable titles."""
    schema = load_schema()
    return [c.title if titles else c.name for c in schema.columns]


def template_csv(with_example: bool = True) -> str:
    """A CSV template: the header row and, optionally, one example row."""
    schema = load_schema()
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(schema.names)
    if with_example:
        writer.writerow([c.example for c in schema.columns])
    return buf.getvalue()


class AllowedCode(TypedDict):
    code: str
    label: str


class ColumnDescription(TypedDict):
    """One column of the layout as the guidance page and JSON show it."""

    name: str
    title: str
    description: str
    type: str
    required: bool
    example: str
    allowed: list[AllowedCode]


def describe() -> list[ColumnDescription]:
    """Plain-dict description of every column, for a guidance page or JSON API."""
    return [
        {
            "name": c.name,
            "title": c.title,
            "description": c.description,
            "type": c.type,
            "required": c.required,
            "example": c.example,
            "allowed": [{"code": k, "label": v} for k, v in c.allowed.items()],
        }
        for c in load_schema().columns
    ]
