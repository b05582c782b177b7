"""The Blade export's nine modules and their columns, loaded from data/blade.json (with its sources)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Literal

Role = Literal["key", "parent", "identifier", "drop", "data"]
ColumnType = Literal["string", "date", "datetime", "integer", "boolean", "code", "urn", "ukprn"]


@dataclass(frozen=True)
class Sen2Column:
    """One column of a Blade module file."""

    source: str  # heading as COLLECT writes it
    name: str  # our name
    role: Role
    type: ColumnType
    label: str
    required: bool = False
    allowed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Module:
    """One Blade module: its file suffix, its parent module and its columns."""

    key: str
    title: str
    item: str
    file: str
    parent: str | None
    columns: tuple[Sen2Column, ...] = field(default_factory=tuple)

    @property
    def key_column(self) -> Sen2Column:
        return next(c for c in self.columns if c.role == "key")

    @property
    def parent_column(self) -> Sen2Column | None:
        return next((c for c in self.columns if c.role == "parent"), None)

    def by_heading(self) -> dict[str, Sen2Column]:
        """Columns keyed by their lower-cased COLLECT heading."""
        return {c.source.lower(): c for c in self.columns}

    def kept(self) -> list[Sen2Column]:
        """Columns that may be stored (never identifiers or dropped ones)."""
        return [c for c in self.columns if c.role in ("key", "parent", "data")]


@dataclass(frozen=True)
class BladeSpec:
    modules: tuple[Module, ...]
    sources: tuple[dict[str, str], ...]

    def __getitem__(self, key: str) -> Module:
        return next(m for m in self.modules if m.key == key)

    @property
    def keys(self) -> list[str]:
        return [m.key for m in self.modules]


@cache
def load_spec() -> BladeSpec:
    """The shipped Blade export definition (cached)."""
    text = resources.files("sendready.domain.sen2").joinpath("data/blade.json").read_text("utf-8")
    raw = json.loads(text)
    modules = tuple(
        Module(
            key=m["key"],
            title=m["title"],
            item=m["item"],
            file=m["file"],
            parent=m.get("parent"),
            columns=tuple(
                Sen2Column(
                    source=c["source"],
                    name=c["name"],
                    role=c["role"],
                    type=c["type"],
                    label=c["label"],
                    required=bool(c.get("required", False)),
                    allowed=tuple(c.get("allowed", ())),
                )
                for c in m["columns"]
            ),
        )
        for m in raw["modules"]
    )
    return BladeSpec(modules=modules, sources=tuple(raw["sources"]))
