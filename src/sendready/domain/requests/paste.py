"""A list pasted from an inspector's email, one request a line, turned into request titles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sendready.domain.requests.rules import load_rules

# Bullets and numbering people paste from email: "-", "*", "•", "1.", "2)", "(a)", "a)".
_MARKER = re.compile(r"^\s*(?:[-*•·▪◦–]+|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])\s+")


@dataclass(frozen=True)
class PastedLine:
    line: int
    title: str


class PasteError(ValueError):
    """The pasted list cannot be used as it is; `problems` name each line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def parse_pasted_list(text: str) -> list[PastedLine]:
    """One title per non-blank line, bullets and numbers removed; PasteError names bad lines."""
    rules = load_rules()
    lines = []
    problems = []
    for number, raw in enumerate(text.splitlines(), start=1):
        title = _MARKER.sub("", raw, count=1).strip()
        if not title:
            continue
        if len(title) > rules.paste_max_title:
            problems.append(
                f"Line {number} is {len(title)} characters long: a request title can be at most "
                f"{rules.paste_max_title}. Shorten it, or put the detail in the request afterwards"
            )
        lines.append(PastedLine(number, title))
    if not lines and not problems:
        problems.append("Paste at least one request, one per line")
    if len(lines) > rules.paste_max_lines:
        problems.append(
            f"There are {len(lines)} requests: paste at most {rules.paste_max_lines} at a time"
        )
    if problems:
        raise PasteError(problems)
    return lines
