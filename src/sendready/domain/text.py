"""Text that is safe to store and to put in Word, Excel, CSV and web pages.

Word's Shift+Enter pastes a vertical tab (\\x0b); other programs paste escape characters or the
non-characters U+FFFE/U+FFFF. None of these is allowed in XML 1.0, so one of them saved in a briefing field
made every Word download of that inspection fail. Every stored text goes through `clean_text`.
"""

from __future__ import annotations

import re

# Line breaks Word and other programs paste: they become ordinary new lines in multi-line text.
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]|\r\n?")
# Not allowed in XML 1.0 (C0 controls except tab and new line, surrogates, U+FFFE and U+FFFF), plus C1
# controls and DEL, which no person types on purpose.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile("[\t\n]+")
TRUNCATION_MARK = "… (cut short)"

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Google Sheets: = + - @
# start one, and a leading tab, carriage return or new line is skipped by some programs before they look.
# The one list for imports (refused), CSV and XLSX downloads (kept as text) and the generator.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# The same list as a regular expression, for polars' str.contains on whole columns.
FORMULA_PATTERN = r"^[=+\-@\t\r\n]"


def clean_text(value: str, *, multiline: bool = True) -> str:
    """The text without control characters; pasted line breaks become new lines (or spaces on one line)."""
    value = _NOT_TEXT.sub("", _LINE_BREAKS.sub("\n", value))
    if not multiline:
        value = _SPACES.sub(" ", value)
    return value


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would treat this text as a formula."""
    return text.startswith(FORMULA_STARTS)


def neutralise_formula(value: str | None) -> str | None:
    """Text a spreadsheet would run as a formula, behind an apostrophe so it stays text."""
    if value and looks_like_formula(value):
        return "'" + value
    return value


def shorten(value: str, limit: int = 200) -> str:
    """At most `limit` characters, ending with a visible mark when cut (for echoing a file's text back)."""
    if len(value) <= limit:
        return value
    return value[: max(limit - len(TRUNCATION_MARK), 0)] + TRUNCATION_MARK
