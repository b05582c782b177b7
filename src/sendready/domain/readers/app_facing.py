"""Find words written for app users (instructions, internal keys, every-outcome follow-ups) in reader text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Addresses are the reader's to follow, and may hold underscores that look like keys.
_ADDRESSES = re.compile(r"(?:https?://|mailto:)\S+|\S+@\S+")


@dataclass(frozen=True)
class AppFacingMatch:
    """One app-facing phrase found in a text, with why it is app-facing."""

    found: str
    why: str


@cache
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    raw = json.loads(
        resources.files("sendready.domain.readers").joinpath("data/app_facing.json").read_text()
    )
    rules = [
        (re.compile(r"\b" + re.escape(p["text"]) + r"\b", re.IGNORECASE), p["why"])
        for p in raw["phrases"]
    ]
    rules += [(re.compile(p["regex"]), p["why"]) for p in raw["patterns"]]
    return tuple(rules)


def app_facing_phrases(text: str) -> list[AppFacingMatch]:
    """Every app-facing phrase in the text (empty when the text is fit for readers)."""
    text = _ADDRESSES.sub(" ", text)
    return [
        AppFacingMatch(found=match.group(0), why=why)
        for pattern, why in _rules()
        for match in pattern.finditer(text)
    ]
